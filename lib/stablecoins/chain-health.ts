import type { Db } from "@/db/client";
import { readCursor } from "./chain-cursor";
import { countDepositsBehind } from "./deposits-behind";
import { configuredChains } from "./chains";

export type ChainHealth = {
  name: string;
  chain_id: number;
  token: string;
  mode: string;
  /** Read recently and without failing. */
  ok: boolean;
  head_block: number | null;
  /** Blocks between the head last seen and the next one to read. */
  lag_blocks: number | null;
  read_at: string | null;
  failures: number;
  last_error: string | null;
  /** Deposits a read could not settle, being read again on their own (a fault of Kassa's, logged). */
  deposits_behind: number;
};

/** A chain not read for this long (or ten of its rounds, if longer) is lagging. */
const STALE_MS = 60_000;

/**
 * How each configured chain is being read, from its cursor (so any instance answers for all of
 * them): a chain whose RPC fails or lags is degraded, which changes no payment, since nothing is
 * decided without a read.
 */
export async function chainHealth(db: Db, now = Date.now()): Promise<ChainHealth[]> {
  return Promise.all(
    configuredChains().map(async (chain) => {
      const cursor = await readCursor(db, chain);
      const readAt = cursor?.readAt ?? null;
      const fresh = readAt !== null && now - readAt.getTime() <= Math.max(STALE_MS, chain.poll_ms * 10);
      const head = cursor?.headBlock ?? null;
      const behind = await countDepositsBehind(db, chain);
      return {
        name: chain.name,
        chain_id: chain.chain_id,
        token: chain.token_symbol,
        mode: chain.mode,
        ok: fresh && (cursor?.failures ?? 0) === 0 && behind === 0,
        head_block: head,
        lag_blocks: head !== null && cursor ? Math.max(0, head + 1 - cursor.nextBlock) : null,
        read_at: readAt?.toISOString() ?? null,
        failures: cursor?.failures ?? 0,
        // A deposit behind is no failed read, but it is something to look into: said where alerts look.
        last_error: cursor?.lastError ?? (behind > 0 ? `${behind} payment(s) could not be recorded and are being read again on their own: see the log` : null),
        deposits_behind: behind,
      };
    }),
  );
}
