import { eq, sql } from "drizzle-orm";
import { paymentAttempts, type PaymentIntent } from "@/db/schema";
import type { Db } from "@/db/client";
import { getProcessor } from "@/lib/checkout/simulated-processor";
import { AppError } from "@/lib/errors/app-error";
import { recordEvent, type Actor } from "@/lib/events/record-event";
import { minorToDecimal } from "@/lib/money/decimal";
import { startSubscription } from "@/lib/subscriptions/start-subscription";
import { approvedAttempt } from "./authorized-attempt";
import { getIntent } from "./get-intent";
import { transitionIntent } from "./transition";

/**
 * Captures an authorized intent, in full or in part; an uncaptured remainder is released, as card
 * networks do. The acquirer is asked first, outside any transaction; then one conditional update
 * settles it, so a racing void or second capture loses cleanly.
 */
export async function captureIntent(
  db: Db,
  merchantId: string,
  intentId: string,
  amountToCapture: number | undefined,
  actor: Actor,
  processor = getProcessor(),
): Promise<PaymentIntent> {
  const intent = await getIntent(db, merchantId, intentId);
  assertCapturable(intent);
  const amount = amountToCapture ?? intent.amount;
  if (amount > intent.amount) {
    throw new AppError(
      "amount_invalid",
      `amount_to_capture cannot exceed the authorized amount of ${minorToDecimal(intent.amount, intent.currency)} ${intent.currency} (${intent.amount}).`,
      { param: "amount_to_capture" },
    );
  }
  const attempt = await approvedAttempt(db, intent);
  const result = await processor.capture({
    reference: `capture_${intent.id}`,
    authorization: attempt.processorReference ?? "",
    amount,
    currency: intent.currency,
  });
  if (!result.ok) throw new AppError("processor_error", `The acquirer refused the capture: ${result.message}`);

  const captured = await db.transaction(async (tx) => {
    const paid = await transitionIntent(tx, {
      intentId,
      from: ["authorized"],
      to: "succeeded",
      set: { amountCaptured: amount, succeededAt: sql`now()` },
      guard: sql`merchant_id = ${merchantId}`,
    });
    if (!paid) return null;
    await tx.update(paymentAttempts).set({ status: "succeeded" }).where(eq(paymentAttempts.id, attempt.id));
    await recordEvent(tx, { merchantId, type: "payment.succeeded", intent: paid, attempt, actor, details: { captured: amount } });
    if (paid.recurringIntervalDays) await startSubscription(tx, paid, actor);
    return paid;
  });
  if (captured) return captured;
  assertCapturable(await getIntent(db, merchantId, intentId));
  throw new AppError("intent_unexpected_state", "This payment intent changed while it was being captured.");
}

function assertCapturable(intent: PaymentIntent): void {
  if (intent.status === "authorized") return;
  const why = intent.status === "succeeded" ? "has already been captured" : `is ${intent.status}`;
  throw new AppError("intent_unexpected_state", `This payment intent ${why}; only authorized intents can be captured.`, {
    extra: { status: intent.status },
  });
}
