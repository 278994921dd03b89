import { sql } from "drizzle-orm";
import { type PaymentIntent, type StablecoinDeposit, type StablecoinTransfer } from "@/db/schema";
import type { Db } from "@/db/client";
import { recordEvent } from "@/lib/events/record-event";
import type { WebhookEventType } from "@/lib/events/event-types";
import { closeAbandonedChallenge } from "@/lib/intents/close-abandoned-challenge";
import { transitionIntent, type Transition } from "@/lib/intents/transition";
import { payingTransfer } from "./record-transfers";
import { formatUnits } from "./token-amount";

export type DepositChange = {
  intent: PaymentIntent;
  before: StablecoinDeposit;
  after: StablecoinDeposit;
  transfers: StablecoinTransfer[];
  /** The time of the newest final block read: every transfer sent before it is known and final. Null before the chain has one. */
  chainTime: Date | null;
};

/**
 * Moves an intent paid on chain to where its deposit's sums put it, each step recorded as an event
 * (and its webhooks) in the caller's transaction:
 * - the whole amount arrived: processing, then succeeded once it is all final;
 * - part of it arrived: still open, asking for the rest (partially_funded);
 * - a reorganisation took some back: open again (funds_reversed);
 * - the chain's time passed the expiry while a card waited at the bank's challenge: the challenge can
 *   no longer be answered, so it is given up and the chain decides, as for an open intent;
 * - the chain's time passed the expiry while open: underpaid when anything arrived, else expired;
 * - money after the intent closed: kept and told (received_late).
 */
export async function moveIntent(tx: Db, change: DepositChange): Promise<PaymentIntent> {
  const { before, after } = change;
  const due = BigInt(after.amountDue);
  const received = BigInt(after.amountReceived);
  let intent = change.intent;
  const tell = async (type: WebhookEventType, message: string, extra: Record<string, unknown> = {}) => {
    await recordEvent(tx, { merchantId: intent.merchantId, type, intent, actor: { type: "system" }, details: { message, ...amounts(after), ...extra } });
  };
  const move = async (to: Transition["to"], from: Transition["from"], set: Transition["set"] = {}) => {
    const moved = await transitionIntent(tx, { intentId: intent.id, from, to, set });
    if (!moved) throw new Error(`intent ${intent.id} did not move ${from.join("/")} → ${to} under its own lock`);
    intent = moved;
  };
  const pastExpiry = change.chainTime !== null && intent.expiresAt.getTime() <= change.chainTime.getTime();
  if (intent.status === "requires_action" && pastExpiry) {
    await closeAbandonedChallenge(tx, intent.id);
    await move("requires_payment_method", ["requires_action"]);
  }
  const onChain = intent.status === "processing" && intent.txHash !== null;

  if (onChain && received < due) {
    await move("requires_payment_method", ["processing"], { txHash: null });
    await tell("payment.funds_reversed", `A reorganisation of the chain took back a transfer: ${unit(after, received)} of ${unit(after, due)} ${after.tokenSymbol} have arrived.`);
  } else if (intent.status === "requires_payment_method" && received < BigInt(before.amountReceived)) {
    await tell("payment.funds_reversed", `A reorganisation of the chain took back a transfer: ${unit(after, received)} of ${unit(after, due)} ${after.tokenSymbol} have arrived.`);
  }

  if (intent.status === "requires_payment_method" && received >= due) {
    const paying = payingTransfer(change.transfers, due, () => true)!;
    await move("processing", ["requires_payment_method"], { txHash: paying.txHash });
    await tell("payment.processing", `${unit(after, received)} ${after.tokenSymbol} arrived on ${after.chain}; waiting for confirmations.`, { tx_hash: paying.txHash });
  } else if (intent.status === "requires_payment_method" && received > BigInt(before.amountReceived)) {
    await tell("payment.partially_funded", `${unit(after, received)} of ${unit(after, due)} ${after.tokenSymbol} arrived; ${unit(after, due - received)} to go.`);
  }

  const confirmed = BigInt(after.amountConfirmed);
  if (intent.status === "processing" && intent.txHash !== null && confirmed >= due) {
    const paying = payingTransfer(change.transfers, due, (transfer) => transfer.state === "final")!;
    await move("succeeded", ["processing"], { txHash: paying.txHash, amountCaptured: intent.amount, succeededAt: new Date(), lastError: null });
    const excess = received - due;
    await tell("payment.succeeded", `Paid on ${after.chain}: ${unit(after, received)} ${after.tokenSymbol}${excess > 0n ? `, ${unit(after, excess)} more than the amount` : ""}.`, {
      tx_hash: paying.txHash,
    });
  }

  // Not in the pass that took money back: a transaction a reorganisation dropped is usually mined
  // again within blocks, and the next pass sees it.
  const reversed = received < BigInt(before.amountReceived);
  if (intent.status === "requires_payment_method" && !reversed && pastExpiry) {
    if (received > 0n) {
      await move("underpaid", ["requires_payment_method"], { canceledAt: sql`now()` });
      await tell("payment.underpaid", `The payment expired with ${unit(after, received)} of ${unit(after, due)} ${after.tokenSymbol} paid.`);
    } else {
      await move("expired", ["requires_payment_method"]);
      await tell("payment.expired", "The payment intent expired before it was paid.");
    }
  }

  const late = BigInt(after.amountLate) - BigInt(before.amountLate);
  if (late > 0n) {
    const newest = change.transfers.filter((transfer) => transfer.late && transfer.state !== "removed").at(-1);
    await tell("payment.received_late", `${unit(after, late)} ${after.tokenSymbol} arrived after the payment could take it; they are in your wallet, so settle them with the buyer.`, {
      tx_hash: newest?.txHash ?? null,
    });
  }
  return intent;
}

const unit = (deposit: StablecoinDeposit, value: bigint) => formatUnits(value, deposit.tokenDecimals);

/** What every on-chain event carries: where, which token, and the sums in the token's units. */
function amounts(deposit: StablecoinDeposit): Record<string, unknown> {
  const due = BigInt(deposit.amountDue);
  const received = BigInt(deposit.amountReceived);
  return {
    network: deposit.chain,
    token: deposit.tokenSymbol,
    address: deposit.address,
    amount_due: unit(deposit, due),
    amount_received: unit(deposit, received),
    amount_remaining: unit(deposit, received < due ? due - received : 0n),
    amount_excess: unit(deposit, received > due ? received - due : 0n),
    amount_late: unit(deposit, BigInt(deposit.amountLate)),
  };
}
