import type { PaymentIntent } from "@/db/schema";
import type { Db } from "@/db/client";
import { getProcessor } from "@/lib/checkout/simulated-processor";
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
  processor = getProcessor(),
): Promise<PaymentIntent> {
  const intent = await getIntentIn(db, owner, intentId, ["authorized"], "authorized intents", "voided");
  return runAuthorizationOperation(db, intent, { kind: "void", message }, actor, processor);
}
