import type { PaymentIntent } from "@/db/schema";
import type { Db } from "@/db/client";
import { getProcessor } from "@/lib/checkout/simulated-processor";
import { AppError } from "@/lib/errors/app-error";
import type { Actor } from "@/lib/events/record-event";
import { runAuthorizationOperation } from "./authorization-operation";
import { getIntent } from "./get-intent";

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
  if (intent.status !== "authorized") {
    throw new AppError("intent_unexpected_state", `This payment intent is ${intent.status}; only authorized intents can be voided.`, {
      extra: { status: intent.status },
    });
  }
  return runAuthorizationOperation(db, intent, { kind: "void", message }, actor, processor);
}
