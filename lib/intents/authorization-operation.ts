import { and, eq, isNull, sql } from "drizzle-orm";
import { paymentAttempts, paymentIntents, type PaymentIntent } from "@/db/schema";
import type { Db } from "@/db/client";
import type { CardProcessor, OperationResult } from "@/lib/checkout/processor";
import { AppError } from "@/lib/errors/app-error";
import { logError } from "@/lib/errors/log-error";
import { recordEvent, type Actor } from "@/lib/events/record-event";
import { startSubscription } from "@/lib/subscriptions/start-subscription";
import { approvedAttempt } from "./authorized-attempt";
import { getIntent } from "./get-intent";
import { unexpectedState } from "./intent-in-state";
import { transitionIntent } from "./transition";
import { onClockOf } from "@/lib/test-clocks/clock-context";

export type AuthorizationOperation = { kind: "capture"; amount: number } | { kind: "void"; message: string };

/**
 * Captures or voids an authorization in three steps, like a refund: reserve the operation on the
 * intent with one conditional update (so a capture and a void can never both go out), ask the
 * acquirer with no transaction open, then settle. An answer that never came back leaves the
 * reservation for the reconciler, which asks again with the same reference.
 */
export async function runAuthorizationOperation(
  db: Db,
  intent: PaymentIntent,
  operation: AuthorizationOperation,
  actor: Actor,
  processor: CardProcessor,
): Promise<PaymentIntent> {
  const [reserved] = await db
    .update(paymentIntents)
    .set({
      pendingOperation: operation.kind,
      pendingOperationAmount: operation.kind === "capture" ? operation.amount : null,
      pendingOperationAt: sql`kassa_now()`,
    })
    .where(and(eq(paymentIntents.id, intent.id), eq(paymentIntents.status, "authorized"), isNull(paymentIntents.pendingOperation)))
    .returning();
  if (!reserved) {
    const current = await getIntent(db, intent.merchantId, intent.id);
    if (current.pendingOperation) {
      throw new AppError("payment_processing", `A ${current.pendingOperation} of this payment is already in progress.`);
    }
    throw unexpectedState(current, "authorized intents", operation.kind === "capture" ? "captured" : "voided");
  }
  const result = await askAcquirer(db, reserved, processor);
  if (!result) {
    throw new AppError("processor_error", `The acquirer did not answer the ${operation.kind}; Kassa will ask again and settle it.`);
  }
  if (!result.ok) {
    await db.update(paymentIntents).set({ pendingOperation: null, pendingOperationAmount: null, pendingOperationAt: null }).where(eq(paymentIntents.id, intent.id));
    throw new AppError("processor_error", `The acquirer refused the ${operation.kind}: ${result.message}`);
  }
  return settleAuthorizationOperation(db, reserved, actor, operation.kind === "void" ? operation.message : undefined);
}

/** The acquirer's answer to the reserved operation, or null when it could not be reached. */
export async function askAcquirer(db: Db, intent: PaymentIntent, processor: CardProcessor): Promise<OperationResult | null> {
  const attempt = await approvedAttempt(db, intent);
  const authorization = attempt.processorReference ?? "";
  const reference = `${intent.pendingOperation}_${intent.id}`;
  try {
    return intent.pendingOperation === "capture"
      ? await processor.capture({ reference, authorization, amount: intent.pendingOperationAmount ?? intent.amount, currency: intent.currency })
      : await processor.void({ reference, authorization });
  } catch (error) {
    logError(`${intent.pendingOperation} of ${intent.id} got no answer`, error);
    return null;
  }
}

/** Applies a reserved operation the acquirer accepted: authorized → succeeded, or → canceled. */
export async function settleAuthorizationOperation(db: Db, intent: PaymentIntent, actor: Actor, message?: string): Promise<PaymentIntent> {
  const attempt = await approvedAttempt(db, intent);
  const capture = intent.pendingOperation === "capture";
  // An intent on a test clock is captured or voided at the clock's time, and so starts its subscription.
  const settled = await onClockOf(db, intent.testClockId, (db) => db.transaction(async (tx) => {
    const done = await transitionIntent(tx, {
      intentId: intent.id,
      from: ["authorized"],
      to: capture ? "succeeded" : "canceled",
      set: {
        pendingOperation: null,
        pendingOperationAmount: null,
        pendingOperationAt: null,
        ...(capture
          ? { amountCaptured: intent.pendingOperationAmount ?? intent.amount, succeededAt: sql`kassa_now()` }
          : { canceledAt: sql`kassa_now()`, cancellationReason: "void" }),
      },
      guard: eq(paymentIntents.pendingOperation, intent.pendingOperation!),
    });
    if (!done) return null;
    if (capture) {
      await tx.update(paymentAttempts).set({ status: "succeeded" }).where(eq(paymentAttempts.id, attempt.id));
      await recordEvent(tx, { merchantId: done.merchantId, type: "payment.succeeded", intent: done, attempt, actor, details: { captured: done.amountCaptured } });
      if (done.recurringIntervalDays) await startSubscription(tx, done, actor);
    } else {
      await recordEvent(tx, { merchantId: done.merchantId, type: "payment.canceled", intent: done, attempt, actor, details: { message: message ?? "The authorization was voided." } });
    }
    return done;
  }));
  if (!settled) throw new AppError("intent_unexpected_state", "This payment intent changed while the acquirer was being asked.");
  return settled;
}
