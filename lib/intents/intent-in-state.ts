import type { IntentStatus, PaymentIntent } from "@/db/schema";
import type { Db } from "@/db/client";
import { AppError } from "@/lib/errors/app-error";
import { getIntent } from "./get-intent";
import { type Owner } from "@/db/owner";

/** The refusal for an operation on an intent in the wrong state, saying which it is in and which it needs. */
export function unexpectedState(intent: Pick<PaymentIntent, "status">, needed: string, operation: string): AppError {
  return new AppError("intent_unexpected_state", `This payment intent is ${intent.status}; only ${needed} can be ${operation}.`, { extra: { status: intent.status } });
}

/**
 * One of this merchant's intents when it is in one of `states`; otherwise the refusal that names the
 * state it is in. Capture, void and refund each start with this read; their conditional updates
 * decide for good, since the intent may move between the read and the write.
 */
export async function getIntentIn(db: Db, owner: Owner, intentId: string, states: readonly IntentStatus[], needed: string, operation: string): Promise<PaymentIntent> {
  const intent = await getIntent(db, owner, intentId);
  if (!states.includes(intent.status)) throw unexpectedState(intent, needed, operation);
  return intent;
}
