import { and, eq, sql } from "drizzle-orm";
import { stablecoinTransfers } from "@/db/schema";
import type { Db } from "@/db/client";
import type { ChainReader, TransferLog } from "./chain-reader";
import type { ChainConfig } from "./chains";
import { unfinalOf } from "./watched-deposits";

/**
 * For each block holding an unfinal transfer this read did not return, the hash the chain has at
 * that height now. Only a block replaced by another takes its transfers back: a node that lags, or
 * answers with fewer logs, is no reorganisation. A height the node cannot give is left out (unknown).
 * `intentId` narrows it to one deposit's transfers, for a read made for that deposit alone.
 */
export async function canonicalHashesOfMissing(
  db: Db,
  chain: ChainConfig,
  reader: ChainReader,
  window: { from: number; to: number; intentId?: string },
  logs: TransferLog[],
): Promise<Map<number, string>> {
  const present = new Set(logs.map((log) => `${log.txHash}:${log.logIndex}`));
  const unfinal = await db
    .select({ blockNumber: stablecoinTransfers.blockNumber, txHash: stablecoinTransfers.txHash, logIndex: stablecoinTransfers.logIndex })
    .from(stablecoinTransfers)
    .where(
      and(
        window.intentId ? and(unfinalOf(chain, "all"), eq(stablecoinTransfers.intentId, window.intentId)) : unfinalOf(chain),
        sql`${stablecoinTransfers.blockNumber} between ${window.from} and ${window.to}`,
      ),
    );
  const heights = new Set(unfinal.filter((transfer) => !present.has(`${transfer.txHash}:${transfer.logIndex}`)).map((transfer) => transfer.blockNumber));
  const hashes = new Map<number, string>();
  for (const height of heights) {
    const block = await reader.block(height).catch(() => null);
    if (block) hashes.set(height, block.hash.toLowerCase());
  }
  return hashes;
}

/** The time of each block holding a log, read by its hash, so a reorganisation between two reads cannot lend a transfer another block's time. */
export async function blockTimes(reader: ChainReader, logs: TransferLog[]): Promise<Map<string, Date>> {
  const times = new Map<string, Date>();
  for (const hash of new Set(logs.map((log) => log.blockHash))) times.set(hash, (await reader.blockByHash(hash)).time);
  return times;
}

/** The chain's clock for expiry: the time of the newest final block up to `to`, null before any block is final. */
export async function finalChainTime(reader: ChainReader, chain: ChainConfig, to: number, head: number): Promise<Date | null> {
  const finalBlock = Math.min(to, head - chain.confirmations + 1);
  return finalBlock >= 0 ? (await reader.block(finalBlock)).time : null;
}
