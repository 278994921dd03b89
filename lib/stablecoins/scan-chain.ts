import { and, eq, inArray, isNull, min, or, sql } from "drizzle-orm";
import { paymentIntents, stablecoinDeposits, stablecoinTransfers } from "@/db/schema";
import type { Db } from "@/db/client";
import type { ChainReader, TransferLog } from "./chain-reader";
import { MIN_REREAD_BLOCKS, type ChainConfig } from "./chains";
import { logError } from "@/lib/errors/log-error";
import { advanceCursor, leaseCursor, renewLease } from "./chain-cursor";
import { catchUpDeposits, depositsBehind, markBehind } from "./deposits-behind";
import { blockTimes, canonicalHashesOfMissing, finalChainTime } from "./observe-blocks";
import { ENDED_UNPAID } from "./record-transfers";
import { settleDeposit } from "./settle-deposit";
import { unfinalOf, watchedOn } from "./watched-deposits";

export type ScanResult = { read: false } | { read: true; from: number; to: number; head: number; deposits: number; transfers: number; behind: number };

/**
 * One read of a chain's token: the transfers to watched deposit addresses from where the cursor
 * stands to the head, each deposit settled in its own transaction, then the cursor moved on. The
 * last `confirmations` blocks, and every block holding a transfer not yet final, are read again
 * each time, which is how a transfer is confirmed, and how one a reorganisation dropped is noticed
 * and taken back. A read that fails writes nothing, so the next one starts from the same place.
 * A deposit that cannot be settled (a fault of Kassa's) holds up no other: it is marked behind and
 * read again on its own from that block (deposits-behind.ts), while the cursor moves on.
 */
export async function scanChain(db: Db, chain: ChainConfig, reader: ChainReader, holder: string, leaseMs = Math.max(30_000, chain.poll_ms * 5)): Promise<ScanResult> {
  const head = await reader.head();
  const cursor = await leaseCursor(db, chain, holder, head, leaseMs);
  if (!cursor) return { read: false };
  const oldestUnfinal = await oldestUnfinalBlock(db, chain);
  const from = Math.max(0, Math.min(cursor.nextBlock, head - Math.max(chain.confirmations, MIN_REREAD_BLOCKS) + 1, oldestUnfinal ?? Number.MAX_SAFE_INTEGER));
  // Providers refuse eth_getLogs over wide ranges: a watcher behind catches up read by read.
  const to = Math.min(head, from + chain.blocks_per_read - 1);
  // Read after the head, so a deposit made after this list cannot have been paid in a block up to it.
  const behind = await depositsBehind(db, chain);
  const onItsOwn = new Set(behind.map((deposit) => deposit.intentId));
  const watched = (await watchedDeposits(db, chain)).filter((deposit) => !onItsOwn.has(deposit.intentId));
  const logs = watched.length > 0 ? await reader.transfers(chain.token_address, watched.map((deposit) => deposit.address as `0x${string}`), from, to) : [];
  const times = await blockTimes(reader, logs);
  const canonical = await canonicalHashesOfMissing(db, chain, reader, { from, to }, logs);
  // The chain's clock for expiry: the time of the newest final block read. Whatever was sent before
  // it is known and final, so an open intent that expired by then has had all its chances.
  const chainTime = await finalChainTime(reader, chain, to, head);
  const byAddress = byRecipient(logs);
  const addressOf = new Map(watched.map((deposit) => [deposit.intentId, deposit.address]));
  const toSettle = new Set<string>([
    ...watched.filter((deposit) => byAddress.has(deposit.address)).map((deposit) => deposit.intentId),
    ...(await depositsWithUnfinalTransfers(db, chain, from, to)),
    ...(await depositsAwaitingTheirIntent(db, chain)),
    ...(chainTime ? await depositsDueToClose(db, chain, chainTime) : []),
  ]);
  const unmarked: string[] = [];
  for (const intentId of toSettle) {
    if (onItsOwn.has(intentId)) continue;
    // Still this instance's to read: a pass that outlived its lease stops before writing more.
    if (!(await renewLease(db, chain, holder, leaseMs))) return { read: false };
    const found = byAddress.get(addressOf.get(intentId) ?? "") ?? [];
    const seen = { from, to, head, confirmations: chain.confirmations, canonical, logs: found.map((log) => ({ ...log, blockTime: times.get(log.blockHash)! })) };
    await settleDeposit(db, intentId, seen, chainTime).catch(async (error: unknown) => {
      logError(`chain ${chain.name}: deposit of ${intentId} could not be settled; it is read again on its own from block ${from}`, error);
      await markBehind(db, intentId, from).catch(() => unmarked.push(intentId));
    });
  }
  // Not even marked: the database is failing, so nothing moves and these blocks are read again.
  if (unmarked.length > 0) throw new Error(`${unmarked.length} deposit(s) could not be settled (see the log); blocks ${from}–${to} will be read again`);
  await advanceCursor(db, chain, holder, to + 1, head);
  if (!(await catchUpDeposits(db, chain, reader, behind, { from, to, head }, { holder, ms: leaseMs }))) return { read: false };
  return { read: true, from, to, head, deposits: toSettle.size, transfers: logs.length, behind: behind.length };
}

async function watchedDeposits(db: Db, chain: ChainConfig): Promise<{ intentId: string; address: string }[]> {
  return db.select({ intentId: stablecoinDeposits.intentId, address: stablecoinDeposits.address }).from(stablecoinDeposits).where(watchedOn(chain));
}

/**
 * Deposits with money received whose intent a card had in hand: declined since (open again, so the
 * money on chain now counts), paid (so the money on chain was more than the payment, and is late),
 * or ended unpaid another way (so what arrived could not pay it, and is late).
 */
async function depositsAwaitingTheirIntent(db: Db, chain: ChainConfig): Promise<string[]> {
  const rows = await db
    .select({ intentId: stablecoinDeposits.intentId })
    .from(stablecoinDeposits)
    .innerJoin(paymentIntents, eq(paymentIntents.id, stablecoinDeposits.intentId))
    .where(
      and(
        watchedOn(chain),
        sql`${stablecoinDeposits.amountReceived} > 0`,
        or(
          and(eq(paymentIntents.status, "requires_payment_method"), sql`${stablecoinDeposits.amountReceived} >= ${stablecoinDeposits.amountDue}`),
          and(inArray(paymentIntents.status, ["succeeded", "authorized"]), isNull(paymentIntents.txHash)),
          inArray(paymentIntents.status, [...ENDED_UNPAID]),
        ),
      ),
    );
  return rows.map((row) => row.intentId);
}

async function oldestUnfinalBlock(db: Db, chain: ChainConfig): Promise<number | null> {
  const [row] = await db.select({ block: min(stablecoinTransfers.blockNumber) }).from(stablecoinTransfers).where(unfinalOf(chain));
  return row?.block ?? null;
}

async function depositsWithUnfinalTransfers(db: Db, chain: ChainConfig, from: number, to: number): Promise<string[]> {
  const rows = await db
    .selectDistinct({ intentId: stablecoinTransfers.intentId })
    .from(stablecoinTransfers)
    .where(and(unfinalOf(chain), sql`${stablecoinTransfers.blockNumber} between ${from} and ${to}`));
  return rows.map((row) => row.intentId);
}

/** Unpaid intents on this chain (open, or a card at the bank's challenge) whose expiry the chain's time has passed. */
async function depositsDueToClose(db: Db, chain: ChainConfig, chainTime: Date): Promise<string[]> {
  const rows = await db
    .select({ intentId: stablecoinDeposits.intentId })
    .from(stablecoinDeposits)
    .innerJoin(paymentIntents, eq(paymentIntents.id, stablecoinDeposits.intentId))
    .where(
      and(
        watchedOn(chain),
        inArray(paymentIntents.status, ["requires_payment_method", "requires_action"]),
        sql`${paymentIntents.expiresAt} <= ${chainTime.toISOString()}::timestamptz`,
      ),
    );
  return rows.map((row) => row.intentId);
}

function byRecipient(logs: TransferLog[]): Map<string, TransferLog[]> {
  const groups = new Map<string, TransferLog[]>();
  for (const log of logs) groups.set(log.to, [...(groups.get(log.to) ?? []), log]);
  return groups;
}
