import type { PaymentIntent } from "@/db/schema";
import type { Db } from "@/db/client";
import type { CardProcessor } from "@/lib/checkout/processor";
import { processorFor } from "@/lib/checkout/processors/registry";
import type { Actor } from "@/lib/events/record-event";
import { runAuthorizationOperation } from "./authorization-operation";
import { getIntentIn } from "./intent-in-state";
import { type Owner } from "@/db/owner";

/** Releases an authorization that will not be captured: the buyer's money is freed and the intent canceled. */
export async function voidIntent(
  db: Db,
  owner: Owner,
  intentId: string,
  actor: Actor,
  message = "The authorization was voided.",
  processor?: CardProcessor,
): Promise<PaymentIntent> {
  const intent = await getIntentIn(db, owner, intentId, ["authorized"], "authorized intents", "voided");
  return runAuthorizationOperation(db, intent, { kind: "void", message }, actor, processor ?? (await processorFor(db, intent)));
}
