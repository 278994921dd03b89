import { asc, eq } from "drizzle-orm";
import { stablecoinTransfers, type PaymentIntent, type StablecoinDeposit, type StablecoinTransfer } from "@/db/schema";
import type { Db } from "@/db/client";
import { readCursor } from "./chain-cursor";
import { chainNamed } from "./chains";
import { payingTransfer } from "./record-transfers";
import { formatUnits, paymentUri } from "./token-amount";

/**
 * Where a payment on chain stands, as the buyer's page and its status poll show it:
 * waiting (nothing yet), partial (some arrived, the rest asked for), confirming (all arrived, not
 * final), paid, checking (time up, the chain not yet read past it), or closed (underpaid, expired,
 * canceled, or paid another way).
 */
export type DepositStage = "waiting" | "partial" | "confirming" | "paid" | "checking" | "closed";

export type DepositView = {
  deposit: StablecoinDeposit;
  stage: DepositStage;
  network: string;
  token: string;
  address: string;
  due: string;
  received: string;
  remaining: string;
  late: string;
  /** The EIP-681 request for what is still to send (the whole amount while nothing arrived). */
  paymentUri: string;
  /** Confirmations of the transfer that completed the amount, so far and needed; null until one did. */
  confirmations: number | null;
  required: number;
  txHash: string | null;
  transfers: StablecoinTransfer[];
};

export async function depositView(db: Db, intent: PaymentIntent, deposit: StablecoinDeposit, now = Date.now()): Promise<DepositView> {
  const chain = chainNamed(deposit.chain);
  const transfers = await db.select().from(stablecoinTransfers).where(eq(stablecoinTransfers.intentId, deposit.intentId)).orderBy(asc(stablecoinTransfers.blockNumber), asc(stablecoinTransfers.logIndex));
  const cursor = chain ? await readCursor(db, chain) : null;
  const due = BigInt(deposit.amountDue);
  const received = BigInt(deposit.amountReceived);
  const remaining = received < due ? due - received : 0n;
  const required = chain?.confirmations ?? 0;
  const paying = received >= due ? payingTransfer(transfers, due, () => true) : null;
  const head = cursor?.headBlock ?? null;
  const confirmations = paying && head !== null ? Math.min(required, Math.max(0, head - paying.blockNumber + 1)) : null;
  const unit = (value: bigint) => formatUnits(value, deposit.tokenDecimals);
  return {
    deposit,
    stage: stageOf(intent, received, now),
    network: deposit.chain,
    token: deposit.tokenSymbol,
    address: deposit.address,
    due: unit(due),
    received: unit(received),
    remaining: unit(remaining),
    late: unit(BigInt(deposit.amountLate)),
    paymentUri: paymentUri(deposit.tokenAddress, deposit.chainId, deposit.address, remaining > 0n ? remaining : due),
    confirmations,
    required,
    txHash: intent.txHash,
    transfers,
  };
}

function stageOf(intent: PaymentIntent, received: bigint, now: number): DepositStage {
  if (intent.status === "succeeded" && intent.txHash) return "paid";
  if (intent.status === "processing" && intent.txHash) return "confirming";
  // Past the expiry by this server's clock, but the chain decides: what was sent in time still counts,
  // also for a buyer who left a card at the bank's challenge, which can no longer be answered.
  const unpaid = intent.status === "requires_payment_method" || intent.status === "requires_action";
  if (unpaid && intent.expiresAt.getTime() <= now) return "checking";
  if (intent.status !== "requires_payment_method") return "closed";
  return received > 0n ? "partial" : "waiting";
}
