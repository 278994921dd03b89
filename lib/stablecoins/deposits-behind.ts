import { and, asc, count, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { chainCursors, stablecoinDeposits } from "@/db/schema";
import type { Db } from "@/db/client";
import { logError } from "@/lib/errors/log-error";
import { renewLease } from "./chain-cursor";
import type { ChainReader, TransferLog } from "./chain-reader";
import type { ChainConfig } from "./chains";
import { blockTimes, canonicalHashesOfMissing, finalChainTime } from "./observe-blocks";
import { settleDeposit } from "./settle-deposit";
import { watchedOn } from "./watched-deposits";

/**
 * At most this many reads for deposits left behind per round, so many stalled by one fault cannot
 * make a round endless. Deposits behind from the same block share a read.
 */
const CATCH_UP_READS_PER_ROUND = 10;

export type DepositBehind = { intentId: string; address: string; rereadFrom: number };

/**
 * A read could not settle this deposit from block `from` on: it is read again from there on its own,
 * and the chain's cursor moves on for every other payment. Marked in a statement of its own, since
 * the settling transaction is the one that failed.
 */
export async function markBehind(db: Db, intentId: string, from: number): Promise<void> {
  await db
    .update(stablecoinDeposits)
    .set({ rereadFrom: sql`least(coalesce(${stablecoinDeposits.rereadFrom}, ${from}::integer), ${from}::integer)`, rereadTriedAt: sql`now()` })
    .where(eq(stablecoinDeposits.intentId, intentId));
}

/** The deposits of this chain being read on their own, the least recently tried first. */
export async function depositsBehind(db: Db, chain: ChainConfig): Promise<DepositBehind[]> {
  const rows = await db
    .select({ intentId: stablecoinDeposits.intentId, address: stablecoinDeposits.address, rereadFrom: stablecoinDeposits.rereadFrom })
    .from(stablecoinDeposits)
    .where(and(watchedOn(chain), isNotNull(stablecoinDeposits.rereadFrom)))
    .orderBy(asc(stablecoinDeposits.rereadTriedAt), asc(stablecoinDeposits.intentId));
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
type Lease = { holder: string; ms: number };

/**
 * Reads again, for the deposits left behind, up to `blocks_per_read` of their blocks towards where
 * the chain's own read has got to, and settles each from what they hold: those behind from the
 * same block in one read. One that still fails stays behind (logged) and waits its turn behind
 * the others; one that reaches the chain's read joins it again. False once this instance lost the lease.
 */
export async function catchUpDeposits(db: Db, chain: ChainConfig, reader: ChainReader, behind: DepositBehind[], main: MainRead, lease: Lease): Promise<boolean> {
  for (const group of byStart(behind).slice(0, CATCH_UP_READS_PER_ROUND)) {
    if (!(await renewLease(db, chain, lease.holder, lease.ms))) return false;
    await catchUpGroup(db, chain, reader, group, main, lease).catch((error: unknown) =>
      logError(`chain ${chain.name}: ${group.length} deposit(s) behind from block ${group[0]!.rereadFrom} could not be read again`, error),
    );
  }
  return true;
}

async function catchUpGroup(db: Db, chain: ChainConfig, reader: ChainReader, group: DepositBehind[], main: MainRead, lease: Lease): Promise<void> {
  const from = Math.min(group[0]!.rereadFrom, main.from);
  const to = Math.min(main.to, from + chain.blocks_per_read - 1);
  await touch(db, group);
  const logs = await reader.transfers(chain.token_address, group.map((deposit) => deposit.address as `0x${string}`), from, to);
  const times = await blockTimes(reader, logs);
  const chainTime = await finalChainTime(reader, chain, to, main.head);
  for (const deposit of group) {
    const found = logs.filter((log) => log.to === deposit.address);
    await catchUpDeposit(db, chain, reader, deposit, { from, to, head: main.head, chainTime, logs: found, times }, main, lease).catch((error: unknown) =>
      logError(`chain ${chain.name}: deposit of ${deposit.intentId} is still behind, from block ${deposit.rereadFrom}`, error),
    );
  }
}

type GroupRead = { from: number; to: number; head: number; chainTime: Date | null; logs: TransferLog[]; times: Map<string, Date> };

async function catchUpDeposit(db: Db, chain: ChainConfig, reader: ChainReader, deposit: DepositBehind, read: GroupRead, main: MainRead, lease: Lease): Promise<void> {
  const canonical = await canonicalHashesOfMissing(db, chain, reader, { from: read.from, to: read.to, intentId: deposit.intentId }, read.logs);
  const logs = read.logs.map((log) => ({ ...log, blockTime: read.times.get(log.blockHash)! }));
  await settleDeposit(db, deposit.intentId, { from: read.from, to: read.to, head: read.head, confirmations: chain.confirmations, canonical, logs }, read.chainTime);
  // Read up to where the chain's read is: from the next round on, it is read with every other
  // deposit. Only while this instance still holds the chain, so a reader that stalled past its
  // lease cannot move a deposit past blocks the reader after it has not read for it.
  await db
    .update(stablecoinDeposits)
    .set({ rereadFrom: read.to >= main.to ? null : read.to + 1 })
    .where(
      and(
        eq(stablecoinDeposits.intentId, deposit.intentId),
        eq(stablecoinDeposits.rereadFrom, deposit.rereadFrom),
        sql`exists (select 1 from ${chainCursors} where ${chainCursors.chainId} = ${chain.chain_id} and ${chainCursors.tokenAddress} = ${chain.token_address} and ${chainCursors.lockedBy} = ${lease.holder} and ${chainCursors.lockedUntil} > now())`,
      ),
    );
}

/** Tried now: the next round tries the others first. */
async function touch(db: Db, group: DepositBehind[]): Promise<void> {
  await db
    .update(stablecoinDeposits)
    .set({ rereadTriedAt: sql`now()` })
    .where(inArray(stablecoinDeposits.intentId, group.map((deposit) => deposit.intentId)));
}

/** Deposits behind from the same block, in the order of the first of each. */
function byStart(behind: DepositBehind[]): DepositBehind[][] {
  const groups = new Map<number, DepositBehind[]>();
  for (const deposit of behind) groups.set(deposit.rereadFrom, [...(groups.get(deposit.rereadFrom) ?? []), deposit]);
  return [...groups.values()];
}
