import { and, eq, gt, inArray, isNull, min, or, sql } from "drizzle-orm";
import { paymentIntents, stablecoinDeposits, stablecoinTransfers } from "@/db/schema";
import type { Db } from "@/db/client";
import type { ChainReader, TransferLog } from "./chain-reader";
import type { ChainConfig } from "./chains";
import { logError } from "@/lib/errors/log-error";
import { advanceCursor, leaseCursor, renewLease } from "./chain-cursor";
import { moveIntent } from "./move-intent";
import { depositSums, ENDED_UNPAID, recordTransfers, writeDepositSums, type Observation } from "./record-transfers";

/** Blocks per read: providers refuse eth_getLogs over wide ranges; a watcher behind catches up read by read. */
export const MAX_BLOCKS_PER_READ = 2_000;
/**
 * The newest blocks are read again each pass, however few confirmations are asked for: a provider
 * that balances its nodes may answer the logs from one a few blocks behind the head it gave.
 */
export const MIN_REREAD_BLOCKS = 16;

export type ScanResult = { read: false } | { read: true; from: number; to: number; head: number; deposits: number; transfers: number };

/**
 * One read of a chain's token: the transfers to watched deposit addresses from where the cursor
 * stands to the head, each deposit settled in its own transaction, then the cursor moved on. The
 * last `confirmations` blocks, and every block holding a transfer not yet final, are read again
 * each time, which is how a transfer is confirmed, and how one a reorganisation dropped is noticed
 * and taken back. A read that fails writes nothing, so the next one starts from the same place.
 */
export async function scanChain(db: Db, chain: ChainConfig, reader: ChainReader, holder: string, leaseMs = Math.max(30_000, chain.poll_ms * 5)): Promise<ScanResult> {
  const head = await reader.head();
  const cursor = await leaseCursor(db, chain, holder, head, leaseMs);
  if (!cursor) return { read: false };
  const oldestUnfinal = await oldestUnfinalBlock(db, chain);
  const from = Math.max(0, Math.min(cursor.nextBlock, head - Math.max(chain.confirmations, MIN_REREAD_BLOCKS) + 1, oldestUnfinal ?? Number.MAX_SAFE_INTEGER));
  const to = Math.min(head, from + MAX_BLOCKS_PER_READ - 1);
  // Read after the head, so a deposit made after this list cannot have been paid in a block up to it.
  const watched = await watchedDeposits(db, chain);
  const logs = watched.length > 0 ? await reader.transfers(chain.token_address, watched.map((deposit) => deposit.address as `0x${string}`), from, to) : [];
  const times = await blockTimes(reader, logs);
  const canonical = await canonicalHashesOfMissing(db, chain, reader, from, to, logs);
  // The chain's clock for expiry: the time of the newest final block read. Whatever was sent before
  // it is known and final, so an open intent that expired by then has had all its chances.
  const finalBlock = Math.min(to, head - chain.confirmations + 1);
  const chainTime = finalBlock >= 0 ? (await reader.block(finalBlock)).time : null;
  const byAddress = byRecipient(logs);
  const addressOf = new Map(watched.map((deposit) => [deposit.intentId, deposit.address]));
  const toSettle = new Set<string>([
    ...watched.filter((deposit) => byAddress.has(deposit.address)).map((deposit) => deposit.intentId),
    ...(await depositsWithUnfinalTransfers(db, chain, from, to)),
    ...(await depositsAwaitingTheirIntent(db, chain)),
    ...(chainTime ? await depositsDueToClose(db, chain, chainTime) : []),
  ]);
  const failed: string[] = [];
  for (const intentId of toSettle) {
    // Still this instance's to read: a pass that outlived its lease stops before writing more.
    if (!(await renewLease(db, chain, holder, leaseMs))) return { read: false };
    const found = byAddress.get(addressOf.get(intentId) ?? "") ?? [];
    const seen = { from, to, head, confirmations: chain.confirmations, canonical, logs: found.map((log) => ({ ...log, blockTime: times.get(log.blockHash)! })) };
    // One deposit that cannot be settled holds up no other; the cursor stays, so its blocks are read again.
    await settleDeposit(db, intentId, seen, chainTime).catch((error: unknown) => {
      logError(`chain ${chain.name}: deposit of ${intentId} could not be settled`, error);
      failed.push(intentId);
    });
  }
  if (failed.length > 0) throw new Error(`${failed.length} deposit(s) could not be settled (see the log); blocks ${from}–${to} will be read again`);
  await advanceCursor(db, chain, holder, to + 1, head);
  return { read: true, from, to, head, deposits: toSettle.size, transfers: logs.length };
}

/** One deposit's transfers and sums written, and its intent moved, in one transaction under both rows' locks. */
export async function settleDeposit(db: Db, intentId: string, seen: Observation, chainTime: Date | null): Promise<void> {
  await db.transaction(async (tx) => {
    const [deposit] = await tx.select().from(stablecoinDeposits).where(eq(stablecoinDeposits.intentId, intentId)).for("update");
    const [intent] = await tx.select().from(paymentIntents).where(eq(paymentIntents.id, intentId)).for("update");
    if (!deposit || !intent) return;
    const transfers = await recordTransfers(tx, deposit, intent, seen);
    const after = await writeDepositSums(tx, deposit, depositSums(transfers));
    await moveIntent(tx, { intent, before: deposit, after, transfers, chainTime });
  });
}

/**
 * The deposits whose addresses are read: every one whose intent may still be paid (however long the
 * watcher was down), and the others for a while after, so money sent late is still recorded.
 */
const watchedOn = (chain: ChainConfig) =>
  and(
    eq(stablecoinDeposits.chainId, chain.chain_id),
    eq(stablecoinDeposits.tokenAddress, chain.token_address),
    or(
      gt(stablecoinDeposits.watchUntil, sql`now()`),
      sql`exists (select 1 from ${paymentIntents} where ${paymentIntents.id} = ${stablecoinDeposits.intentId} and ${paymentIntents.status} in ('requires_payment_method', 'processing', 'requires_action'))`,
    ),
  );

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

/** Transfers not yet final, of deposits still watched: read again until they are (or are gone). */
const unfinalOf = (chain: ChainConfig) =>
  and(
    eq(stablecoinTransfers.chainId, chain.chain_id),
    eq(stablecoinTransfers.tokenAddress, chain.token_address),
    eq(stablecoinTransfers.state, "seen"),
    sql`${stablecoinTransfers.intentId} in (select ${stablecoinDeposits.intentId} from ${stablecoinDeposits} where ${watchedOn(chain)})`,
  );

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

/** Open intents on this chain whose expiry the chain's time has passed. */
async function depositsDueToClose(db: Db, chain: ChainConfig, chainTime: Date): Promise<string[]> {
  const rows = await db
    .select({ intentId: stablecoinDeposits.intentId })
    .from(stablecoinDeposits)
    .innerJoin(paymentIntents, eq(paymentIntents.id, stablecoinDeposits.intentId))
    .where(
      and(watchedOn(chain), eq(paymentIntents.status, "requires_payment_method"), sql`${paymentIntents.expiresAt} <= ${chainTime.toISOString()}::timestamptz`),
    );
  return rows.map((row) => row.intentId);
}

/**
 * For each block holding an unfinal transfer this read did not return, the hash the chain has at
 * that height now. Only a block replaced by another takes its transfers back: a node that lags, or
 * answers with fewer logs, is no reorganisation. A height the node cannot give is left out (unknown).
 */
async function canonicalHashesOfMissing(db: Db, chain: ChainConfig, reader: ChainReader, from: number, to: number, logs: TransferLog[]): Promise<Map<number, string>> {
  const present = new Set(logs.map((log) => `${log.txHash}:${log.logIndex}`));
  const unfinal = await db
    .select({ blockNumber: stablecoinTransfers.blockNumber, txHash: stablecoinTransfers.txHash, logIndex: stablecoinTransfers.logIndex })
    .from(stablecoinTransfers)
    .where(and(unfinalOf(chain), sql`${stablecoinTransfers.blockNumber} between ${from} and ${to}`));
  const heights = new Set(unfinal.filter((transfer) => !present.has(`${transfer.txHash}:${transfer.logIndex}`)).map((transfer) => transfer.blockNumber));
  const hashes = new Map<number, string>();
  for (const height of heights) {
    const block = await reader.block(height).catch(() => null);
    if (block) hashes.set(height, block.hash.toLowerCase());
  }
  return hashes;
}

/** The time of each block holding a log, read by its hash, so a reorganisation between two reads cannot lend a transfer another block's time. */
async function blockTimes(reader: ChainReader, logs: TransferLog[]): Promise<Map<string, Date>> {
  const times = new Map<string, Date>();
  for (const hash of new Set(logs.map((log) => log.blockHash))) times.set(hash, (await reader.blockByHash(hash)).time);
  return times;
}

function byRecipient(logs: TransferLog[]): Map<string, TransferLog[]> {
  const groups = new Map<string, TransferLog[]>();
  for (const log of logs) groups.set(log.to, [...(groups.get(log.to) ?? []), log]);
  return groups;
}
