import { and, asc, between, eq, sql } from "drizzle-orm";
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
  logs: (TransferLog & { blockTime: Date })[];
};

/**
 * A payment made on chain counts towards its intent while the intent can take it: open, or already
 * moved to processing by the chain (not by a card in flight).
 */
export function takesChainPayments(intent: PaymentIntent): boolean {
  return intent.status === "requires_payment_method" || (intent.status === "processing" && intent.txHash !== null);
}

/**
 * Writes what the chain says now about one deposit's transfers: new ones (late when the intent could
 * no longer take them, or the block is past its expiry), ones gone from their block (a
 * reorganisation), and ones that have reached their confirmations. Runs in the caller's transaction,
 * with the deposit and its intent locked. Returns the transfers as they stand.
 */
export async function recordTransfers(tx: Db, deposit: StablecoinDeposit, intent: PaymentIntent, seen: Observation): Promise<StablecoinTransfer[]> {
  const open = takesChainPayments(intent);
  for (const log of seen.logs) {
    const final = seen.head - log.blockNumber + 1 >= seen.confirmations;
    const late = !open || log.blockTime.getTime() > intent.expiresAt.getTime();
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
          removedAt: null,
        },
      });
  }
  const present = new Set(seen.logs.map((log) => `${log.txHash}:${log.logIndex}`));
  const transfers = await tx.select().from(stablecoinTransfers).where(eq(stablecoinTransfers.intentId, deposit.intentId)).orderBy(asc(stablecoinTransfers.blockNumber), asc(stablecoinTransfers.logIndex));
  const gone = transfers.filter((t) => t.state === "seen" && t.blockNumber >= seen.from && t.blockNumber <= seen.to && !present.has(`${t.txHash}:${t.logIndex}`));
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
