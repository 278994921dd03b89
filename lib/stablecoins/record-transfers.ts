import { and, asc, between, eq, ne, sql } from "drizzle-orm";
import { stablecoinDeposits, stablecoinTransfers, type PaymentIntent, type StablecoinDeposit, type StablecoinTransfer } from "@/db/schema";
import type { Db } from "@/db/client";
import { newId } from "@/lib/ids";
import type { TransferLog } from "./chain-reader";

/** What one read of the chain saw for one deposit address. */
export type Observation = {
  /** The blocks read: a transfer of the deposit in this range that is not among `logs` any more was taken back. */
  from: number;
  to: number;
  head: number;
  confirmations: number;
  /** The hash the chain has now at each height where an unfinal transfer went missing from `logs`. */
  canonical: ReadonlyMap<number, string>;
  logs: (TransferLog & { blockTime: Date })[];
};

/** The intent is over: nothing that arrives now can pay it. */
const CLOSED: readonly PaymentIntent["status"][] = ["succeeded", "authorized", "failed", "canceled", "expired", "underpaid"];

/**
 * A transfer is late when its block is past the intent's expiry, or the intent was over when it
 * arrived. One that arrives while a card attempt is in flight (or at the bank's challenge) is in
 * time: if the card is declined it pays the intent; if the card pays, it becomes late then.
 */
export function arrivesLate(intent: PaymentIntent, blockTime: Date): boolean {
  return blockTime.getTime() > intent.expiresAt.getTime() || CLOSED.includes(intent.status);
}

/** How far a block's time may trail the database's clock when the address was handed out. */
const CLOCK_SLACK_MS = 60_000;

/**
 * Mined after the address was handed out (give or take the clocks): nobody could pay it before.
 * What reached the address earlier is the wallet's own business (its receive addresses are its
 * accounts too), never this payment.
 */
export function sentAfterOpening(deposit: StablecoinDeposit, blockTime: Date): boolean {
  return blockTime.getTime() >= deposit.createdAt.getTime() - CLOCK_SLACK_MS;
}

/**
 * Ended by anything but the chain: paid by card (whatever the chain brought is more than the
 * payment), or closed while a card had it in hand (failed at its last decline; expired at the
 * bank's page only when its chain is no longer watched, since the watcher decides the others) or
 * by a cancel that raced the money. What arrived in time could not pay it: it is late, and the
 * merchant is told so. (An intent the chain ended underpaid keeps what it received.)
 */
const endedAnotherWay = (intent: PaymentIntent) =>
  ((intent.status === "succeeded" || intent.status === "authorized") && intent.txHash === null) || ENDED_UNPAID.includes(intent.status);
export const ENDED_UNPAID: readonly PaymentIntent["status"][] = ["expired", "failed", "canceled"];

/**
 * Writes what the chain says now about one deposit's transfers: new ones (late when the intent could
 * no longer take them, or the block is past its expiry), ones gone from their block (a
 * reorganisation), and ones that have reached their confirmations. Runs in the caller's transaction,
 * with the deposit and its intent locked. Returns the transfers as they stand.
 */
export async function recordTransfers(tx: Db, deposit: StablecoinDeposit, intent: PaymentIntent, seen: Observation): Promise<StablecoinTransfer[]> {
  for (const log of seen.logs.filter((log) => sentAfterOpening(deposit, log.blockTime))) {
    const final = seen.head - log.blockNumber + 1 >= seen.confirmations;
    const late = arrivesLate(intent, log.blockTime);
    await tx
      .insert(stablecoinTransfers)
      .values({
        id: newId("ctx"),
        chainId: deposit.chainId,
        txHash: log.txHash,
        logIndex: log.logIndex,
        intentId: deposit.intentId,
        merchantId: deposit.merchantId,
        tokenAddress: deposit.tokenAddress,
        fromAddress: log.from,
        toAddress: log.to,
        value: log.value.toString(),
        blockNumber: log.blockNumber,
        blockHash: log.blockHash,
        blockTime: log.blockTime,
        state: final ? "final" : "seen",
        late,
        finalAt: final ? sql`now()` : null,
      })
      .onConflictDoUpdate({
        target: [stablecoinTransfers.chainId, stablecoinTransfers.txHash, stablecoinTransfers.logIndex],
        // Seen again, perhaps in another block after a reorganisation: where it is now, final once
        // deep enough, and never back from final (a reorganisation deeper than the confirmations
        // asked for is beyond what any watcher can promise).
        set: {
          blockNumber: log.blockNumber,
          blockHash: log.blockHash,
          blockTime: log.blockTime,
          state: sql`case when ${stablecoinTransfers.state} = 'final' or ${final} then 'final'::stablecoin_transfer_state else 'seen'::stablecoin_transfer_state end`,
          finalAt: sql`coalesce(${stablecoinTransfers.finalAt}, ${final ? sql`now()` : sql`null`})`,
          // Back after a reorganisation took it: in time or late as things stand now.
          late: sql`case when ${stablecoinTransfers.state} = 'removed' then ${late} else ${stablecoinTransfers.late} end`,
          removedAt: null,
        },
      });
  }
  if (endedAnotherWay(intent)) {
    await tx
      .update(stablecoinTransfers)
      .set({ late: true })
      .where(and(eq(stablecoinTransfers.intentId, deposit.intentId), eq(stablecoinTransfers.late, false), ne(stablecoinTransfers.state, "removed")));
  }
  const present = new Set(seen.logs.map((log) => `${log.txHash}:${log.logIndex}`));
  const transfers = await tx.select().from(stablecoinTransfers).where(eq(stablecoinTransfers.intentId, deposit.intentId)).orderBy(asc(stablecoinTransfers.blockNumber), asc(stablecoinTransfers.logIndex));
  // Missing from the answer, and its block replaced by another at that height: a reorganisation took it.
  const replaced = (t: StablecoinTransfer) => {
    const now = seen.canonical.get(t.blockNumber);
    return now !== undefined && now !== t.blockHash.toLowerCase();
  };
  const gone = transfers.filter((t) => t.state === "seen" && t.blockNumber >= seen.from && t.blockNumber <= seen.to && !present.has(`${t.txHash}:${t.logIndex}`) && replaced(t));
  for (const transfer of gone) {
    await tx
      .update(stablecoinTransfers)
      .set({ state: "removed", removedAt: sql`now()` })
      .where(and(eq(stablecoinTransfers.id, transfer.id), eq(stablecoinTransfers.state, "seen"), between(stablecoinTransfers.blockNumber, seen.from, seen.to)));
    transfer.state = "removed";
  }
  return transfers;
}

/** The deposit's sums as its transfers make them: received in time (final or not), final, and late. */
export function depositSums(transfers: StablecoinTransfer[]): { received: bigint; confirmed: bigint; late: bigint } {
  let received = 0n;
  let confirmed = 0n;
  let late = 0n;
  for (const transfer of transfers) {
    if (transfer.state === "removed") continue;
    const value = BigInt(transfer.value);
    if (transfer.late) late += value;
    else {
      received += value;
      if (transfer.state === "final") confirmed += value;
    }
  }
  return { received, confirmed, late };
}

export async function writeDepositSums(tx: Db, deposit: StablecoinDeposit, sums: ReturnType<typeof depositSums>): Promise<StablecoinDeposit> {
  const [updated] = await tx
    .update(stablecoinDeposits)
    .set({ amountReceived: sums.received.toString(), amountConfirmed: sums.confirmed.toString(), amountLate: sums.late.toString(), updatedAt: sql`now()` })
    .where(eq(stablecoinDeposits.intentId, deposit.intentId))
    .returning();
  return updated!;
}

/**
 * The transfer that brought what arrived up to the amount due (in block order), counting only those
 * `counted` allows: what a shop records as the payment's transaction.
 */
export function payingTransfer(transfers: StablecoinTransfer[], due: bigint, counted: (transfer: StablecoinTransfer) => boolean): StablecoinTransfer | null {
  let total = 0n;
  for (const transfer of transfers) {
    if (transfer.state === "removed" || transfer.late || !counted(transfer)) continue;
    total += BigInt(transfer.value);
    if (total >= due) return transfer;
  }
  return null;
}
