import type { PaymentIntent } from "@/db/schema";
import type { Db } from "@/db/client";
import type { CardProcessor } from "@/lib/checkout/processor";
import { processorFor } from "@/lib/checkout/processors/registry";
import { AppError } from "@/lib/errors/app-error";
import type { Actor } from "@/lib/events/record-event";
import { minorToDecimal } from "@/lib/money/decimal";
import { runAuthorizationOperation } from "./authorization-operation";
import { getIntent } from "./get-intent";
import { unexpectedState } from "./intent-in-state";
import { type Owner } from "@/db/owner";

/** Captures an authorized intent, in full or in part; the uncaptured rest is released, as networks do. */
export async function captureIntent(
  db: Db,
  owner: Owner,
  intentId: string,
  amountToCapture: number | undefined,
  actor: Actor,
  processor?: CardProcessor,
): Promise<PaymentIntent> {
  const intent = await getIntent(db, owner, intentId);
  if (intent.status === "succeeded") {
    throw new AppError("intent_unexpected_state", "This payment intent has already been captured; only authorized intents can be captured.", { extra: { status: intent.status } });
  }
  if (intent.status !== "authorized") throw unexpectedState(intent, "authorized intents", "captured");
  const amount = amountToCapture ?? intent.amount;
  if (amount > intent.amount) {
    throw new AppError(
      "amount_invalid",
      `amount_to_capture cannot exceed the authorized amount of ${minorToDecimal(intent.amount, intent.currency)} ${intent.currency} (${intent.amount}).`,
      { param: "amount_to_capture" },
    );
  }
  return runAuthorizationOperation(db, intent, { kind: "capture", amount }, actor, processor ?? (await processorFor(db, intent)));
}
