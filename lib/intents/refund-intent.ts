import { and, desc, eq, sql } from "drizzle-orm";
import { paymentIntents, refunds, type PaymentIntent, type Refund } from "@/db/schema";
import type { Db } from "@/db/client";
import type { CardProcessor, OperationResult } from "@/lib/checkout/processor";
import { processorFor } from "@/lib/checkout/processors/registry";
import { logError } from "@/lib/errors/log-error";
import { isUniqueViolation } from "@/db/errors";
import { randomBase62 } from "@/lib/crypto/tokens";
import { AppError } from "@/lib/errors/app-error";
import { recordEvent, type Actor } from "@/lib/events/record-event";
import { minorToDecimal } from "@/lib/money/decimal";
import { approvedAttempt } from "./authorized-attempt";
import { getIntent } from "./get-intent";
import { getIntentIn } from "./intent-in-state";
import { ownedBy, type Owner } from "@/db/owner";
import { onClockOf } from "@/lib/test-clocks/clock-context";

export const REFUND_REASONS = ["duplicate", "fraudulent", "requested_by_customer"] as const;
export type RefundReason = (typeof REFUND_REASONS)[number];

/**
 * Refunds some or all of what is left of a captured payment. The amount is reserved on the intent by
 * one conditional update (so concurrent refunds can never add up to more than was captured), the
 * acquirer is asked with no transaction open, and the outcome is settled; a refused refund gives the
 * reservation back, and one the acquirer did not answer stays pending until the reconciler settles it.
 */
export async function refundIntent(
  db: Db,
  owner: Owner,
  intentId: string,
  request: { amount?: number; reason?: RefundReason | null; metadata?: Record<string, unknown>; txHash?: string | null },
  actor: Actor,
  processor?: CardProcessor,
): Promise<Refund> {
  const intent = await getIntentIn(db, owner, intentId, ["succeeded"], "succeeded payments", "refunded");
  const amount = request.amount ?? intent.amountCaptured - intent.amountRefunded;
  if (amount <= 0) throw new AppError("refund_exceeds_captured", "This payment has already been refunded in full.", { param: "amount" });
  if (intent.txHash || request.txHash) return recordSentRefund(db, intent, amount, request, actor);
  await approvedAttempt(db, intent);
  const refund = await reserve(db, intent, amount, request.reason ?? null, request.metadata ?? {});
  const result = await askAcquirerToRefund(db, refund, intent, processor ?? (await processorFor(db, intent)));
  // No answer: the refund stays pending (as refunds may at any acquirer) and the reconciler asks
  // again with the same reference; answering with it keeps a retry from refunding a second time.
  if (!result) return refund;
  return onClockOf(db, intent.testClockId, (db) => settleRefund(db, refund, result, actor));
}

/**
 * A payment made on chain went to the merchant's own wallet, and Kassa holds no key to send money
 * from it: the merchant sends the refund, and Kassa records it with its transaction hash, reserved
 * and settled like any refund (the same checks, event and webhook).
 */
async function recordSentRefund(db: Db, intent: PaymentIntent, amount: number, request: { reason?: RefundReason | null; metadata?: Record<string, unknown>; txHash?: string | null }, actor: Actor): Promise<Refund> {
  if (!intent.txHash) throw new AppError("parameter_invalid", "tx_hash is only for payments made on chain; this one is refunded through its acquirer.", { param: "tx_hash" });
  if (!request.txHash) {
    throw new AppError("parameter_missing", "This payment was made on chain, into your own wallet, and Kassa holds no key to send it back: send the refund from your wallet, then record it here with its tx_hash.", {
      param: "tx_hash",
    });
  }
  const [recorded] = await db
    .select({ id: refunds.id })
    .from(refunds)
    .where(and(eq(refunds.merchantId, intent.merchantId), sql`lower(${refunds.processorReference}) = lower(${request.txHash})`));
  if (recorded) throw alreadyRecorded(request.txHash, recorded.id);
  // Reserved with its hash: a unique index settles two submissions of the same one at once.
  const refund = await reserve(db, intent, amount, request.reason ?? null, request.metadata ?? {}, request.txHash).catch((error: unknown) => {
    throw isUniqueViolation(error, "refunds_sent_transaction_key") ? alreadyRecorded(request.txHash!) : error;
  });
  return settleRefund(db, refund, { ok: true, processorReference: request.txHash }, actor);
}

function alreadyRecorded(txHash: string, refundId?: string): AppError {
  return new AppError("parameter_invalid", `The refund in ${txHash} is already recorded${refundId ? ` (${refundId})` : ""}.`, { param: "tx_hash" });
}

/** The acquirer's answer for a reserved refund, or null when it could not be reached (ask again later). */
export async function askAcquirerToRefund(db: Db, refund: Refund, intent: PaymentIntent, processor: CardProcessor): Promise<OperationResult | null> {
  const attempt = await approvedAttempt(db, intent);
  try {
    return await processor.refund({ reference: refund.id, authorization: attempt.processorReference ?? "", amount: refund.amount, currency: refund.currency });
  } catch (error) {
    logError(`refund ${refund.id} got no answer`, error);
    return null;
  }
}

/**
 * Records the acquirer's answer: a refused refund gives its reservation back; a paid one is
 * announced. Only a pending refund is settled, so a late second answer changes nothing.
 */
export async function settleRefund(db: Db, refund: Refund, result: OperationResult, actor: Actor): Promise<Refund> {
  const settled = await db.transaction(async (tx) => {
    const [done] = await tx
      .update(refunds)
      .set(
        result.ok
          ? { status: "succeeded", processorReference: result.processorReference, completedAt: sql`kassa_now()` }
          : { status: "failed", failureMessage: result.message, completedAt: sql`kassa_now()` },
      )
      .where(and(eq(refunds.id, refund.id), eq(refunds.status, "pending")))
      .returning();
    if (!done) return null;
    if (!result.ok) {
      await tx
        .update(paymentIntents)
        .set({ amountRefunded: sql`${paymentIntents.amountRefunded} - ${refund.amount}` })
        .where(eq(paymentIntents.id, refund.intentId));
      return done;
    }
    const [intent] = await tx.select().from(paymentIntents).where(eq(paymentIntents.id, refund.intentId));
    await recordEvent(tx, { merchantId: refund.merchantId, type: "payment.refunded", intent: intent!, refund: done, actor, details: { amount: refund.amount } });
    return done;
  });
  if (!settled) {
    const [current] = await db.select().from(refunds).where(eq(refunds.id, refund.id));
    return current!;
  }
  if (!result.ok) throw new AppError("processor_error", `The acquirer refused the refund: ${result.message}`);
  return settled;
}

async function reserve(db: Db, intent: PaymentIntent, amount: number, reason: RefundReason | null, metadata: Record<string, unknown>, processorReference: string | null = null): Promise<Refund> {
  return db.transaction(async (tx) => {
    const [reserved] = await tx
      .update(paymentIntents)
      .set({ amountRefunded: sql`${paymentIntents.amountRefunded} + ${amount}`, updatedAt: sql`kassa_now()` })
      .where(
        and(
          eq(paymentIntents.id, intent.id),
          eq(paymentIntents.status, "succeeded"),
          sql`${paymentIntents.amountRefunded} + ${amount} <= ${paymentIntents.amountCaptured}`,
        ),
      )
      .returning();
    if (!reserved) {
      const [current] = await tx.select().from(paymentIntents).where(eq(paymentIntents.id, intent.id));
      const left = current!.amountCaptured - current!.amountRefunded;
      throw new AppError(
        "refund_exceeds_captured",
        left === 0
          ? "This payment has already been refunded in full."
          : `The refund of ${minorToDecimal(amount, intent.currency)} is more than the ${minorToDecimal(left, intent.currency)} ${intent.currency} still refundable.`,
        { param: "amount", extra: { refundable: left } },
      );
    }
    const [refund] = await tx
      .insert(refunds)
      .values({ id: `re_${randomBase62(24)}`, intentId: intent.id, merchantId: intent.merchantId, mode: intent.mode, amount, currency: intent.currency, reason, metadata, processorReference })
      .returning();
    return refund!;
  });
}

export async function listRefunds(db: Db, owner: Owner, intentId: string): Promise<Refund[]> {
  await getIntent(db, owner, intentId);
  return db.select().from(refunds).where(and(eq(refunds.intentId, intentId), ownedBy(refunds, owner))).orderBy(desc(refunds.createdAt));
}
