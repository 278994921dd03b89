import { sql } from "drizzle-orm";
import type { PaymentIntent } from "@/db/schema";
import type { Db } from "@/db/client";
import { getProcessor } from "@/lib/checkout/simulated-processor";
import { AppError } from "@/lib/errors/app-error";
import { recordEvent, type Actor } from "@/lib/events/record-event";
import { approvedAttempt } from "./authorized-attempt";
import { getIntent } from "./get-intent";
import { transitionIntent } from "./transition";

/** Releases an authorization that will not be captured: the buyer's money is freed and the intent canceled. */
export async function voidIntent(
  db: Db,
  merchantId: string,
  intentId: string,
  actor: Actor,
  message = "The authorization was voided.",
  processor = getProcessor(),
): Promise<PaymentIntent> {
  const intent = await getIntent(db, merchantId, intentId);
  assertVoidable(intent);
  const attempt = await approvedAttempt(db, intent);
  const result = await processor.void({ reference: `void_${intent.id}`, authorization: attempt.processorReference ?? "" });
  if (!result.ok) throw new AppError("processor_error", `The acquirer refused the void: ${result.message}`);
  const voided = await db.transaction(async (tx) => {
    const canceled = await transitionIntent(tx, {
      intentId,
      from: ["authorized"],
      to: "canceled",
      set: { canceledAt: sql`now()`, cancellationReason: "void" },
      guard: sql`merchant_id = ${merchantId}`,
    });
    if (canceled) await recordEvent(tx, { merchantId, type: "payment.canceled", intent: canceled, attempt, actor, details: { message } });
    return canceled;
  });
  if (voided) return voided;
  assertVoidable(await getIntent(db, merchantId, intentId));
  throw new AppError("intent_unexpected_state", "This payment intent changed while it was being voided.");
}

function assertVoidable(intent: PaymentIntent): void {
  if (intent.status === "authorized") return;
  throw new AppError("intent_unexpected_state", `This payment intent is ${intent.status}; only authorized intents can be voided.`, {
    extra: { status: intent.status },
  });
}
