import { and, asc, count, eq, isNotNull, sql } from "drizzle-orm";
import { stablecoinDeposits } from "@/db/schema";
import type { Db } from "@/db/client";
import { logError } from "@/lib/errors/log-error";
import { renewLease } from "./chain-cursor";
import type { ChainReader } from "./chain-reader";
import type { ChainConfig } from "./chains";
import { blockTimes, canonicalHashesOfMissing, finalChainTime } from "./observe-blocks";
import { settleDeposit } from "./settle-deposit";
import { watchedOn } from "./watched-deposits";

/** At most this many deposits are caught up in one read, so many stalled by one fault cannot make a read endless. */
const CATCH_UP_PER_READ = 10;

export type DepositBehind = { intentId: string; address: string; rereadFrom: number };

/**
 * A read could not settle this deposit from block `from` on: it is read again from there on its own,
 * and the chain's cursor moves on for every other payment. Marked in a statement of its own, since
 * the settling transaction is the one that failed.
 */
export async function markBehind(db: Db, intentId: string, from: number): Promise<void> {
  await db
    .update(stablecoinDeposits)
    .set({ rereadFrom: sql`least(coalesce(${stablecoinDeposits.rereadFrom}, ${from}::integer), ${from}::integer)` })
    .where(eq(stablecoinDeposits.intentId, intentId));
}

/** The deposits of this chain being read on their own, the furthest behind first. */
export async function depositsBehind(db: Db, chain: ChainConfig): Promise<DepositBehind[]> {
  const rows = await db
    .select({ intentId: stablecoinDeposits.intentId, address: stablecoinDeposits.address, rereadFrom: stablecoinDeposits.rereadFrom })
    .from(stablecoinDeposits)
    .where(and(watchedOn(chain), isNotNull(stablecoinDeposits.rereadFrom)))
    .orderBy(asc(stablecoinDeposits.rereadFrom));
  return rows.map((row) => ({ ...row, rereadFrom: row.rereadFrom! }));
}

export async function countDepositsBehind(db: Db, chain: ChainConfig): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(stablecoinDeposits)
    .where(and(watchedOn(chain), isNotNull(stablecoinDeposits.rereadFrom)));
  return row?.n ?? 0;
}

type MainRead = { from: number; to: number; head: number };

/**
 * Reads again, for each deposit left behind, up to `blocks_per_read` of its blocks towards where the chain's
 * own read has got to, and settles it from what they hold. One that still fails stays behind and is
 * logged; one that reaches the chain's read joins it again. False once this instance lost the lease.
 */
export async function catchUpDeposits(db: Db, chain: ChainConfig, reader: ChainReader, behind: DepositBehind[], main: MainRead, lease: { holder: string; ms: number }): Promise<boolean> {
  for (const deposit of behind.slice(0, CATCH_UP_PER_READ)) {
    if (!(await renewLease(db, chain, lease.holder, lease.ms))) return false;
    await catchUpDeposit(db, chain, reader, deposit, main).catch((error: unknown) =>
      logError(`chain ${chain.name}: deposit of ${deposit.intentId} is still behind, from block ${deposit.rereadFrom}`, error),
    );
  }
  return true;
}

async function catchUpDeposit(db: Db, chain: ChainConfig, reader: ChainReader, deposit: DepositBehind, main: MainRead): Promise<void> {
  const from = Math.min(deposit.rereadFrom, main.from);
  const to = Math.min(main.to, from + chain.blocks_per_read - 1);
  const logs = await reader.transfers(chain.token_address, [deposit.address as `0x${string}`], from, to);
  const times = await blockTimes(reader, logs);
  const canonical = await canonicalHashesOfMissing(db, chain, reader, { from, to, intentId: deposit.intentId }, logs);
  const chainTime = await finalChainTime(reader, chain, to, main.head);
  const seen = { from, to, head: main.head, confirmations: chain.confirmations, canonical, logs: logs.map((log) => ({ ...log, blockTime: times.get(log.blockHash)! })) };
  await settleDeposit(db, deposit.intentId, seen, chainTime);
  // Read up to where the chain's read is: from the next read on, it is read with every other deposit.
  await db
    .update(stablecoinDeposits)
    .set({ rereadFrom: to >= main.to ? null : to + 1 })
    .where(and(eq(stablecoinDeposits.intentId, deposit.intentId), eq(stablecoinDeposits.rereadFrom, deposit.rereadFrom)));
}
