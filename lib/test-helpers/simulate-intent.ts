import type { PaymentIntent } from "@/db/schema";
import type { Db } from "@/db/client";
import { modeOf, type Owner } from "@/db/owner";
import { completeChallenge } from "@/lib/checkout/challenge-attempt";
import { confirmIntent } from "@/lib/checkout/confirm-intent";
import type { AuthorizationRequest, AuthorizationResult } from "@/lib/checkout/processor";
import { ALWAYS_AUTHENTICATES, SimulatedProcessor } from "@/lib/checkout/simulated-processor";
import { declineMessage } from "@/lib/checkout/test-cards";
import { testModeOnly } from "@/lib/errors/app-error";
import type { Actor } from "@/lib/events/record-event";
import { expireIntentNow } from "@/lib/intents/expire-intent-now";
import { getIntent } from "@/lib/intents/get-intent";
import { onClockOf } from "@/lib/test-clocks/clock-context";

export type SimulatedAction =
  | { action: "succeed" }
  | { action: "decline"; declineCode?: string }
  | { action: "require_action" }
  /** The buyer answers the bank's 3-D Secure challenge of an intent in requires_action: passed, or failed. */
  | { action: "authenticate" }
  | { action: "fail_authentication" }
  | { action: "expire" };

/** The simulation's approved test card, typed as a buyer would type it. */
const APPROVED_CARD = "4242424242424242";

/**
 * Does to a test-mode intent what a buyer or their bank would, through the same path as the checkout
 * page (a card confirmed with the intent's client secret), so the intent, its events and webhooks end
 * exactly as a browser would leave them: paid, declined with the given code, waiting on 3-D Secure,
 * or expired.
 */
export async function simulateIntent(db: Db, owner: Owner, intentId: string, action: SimulatedAction, actor: Actor): Promise<PaymentIntent> {
  if (modeOf(owner) === "live") throw testModeOnly("Test helpers");
  const intent = await getIntent(db, owner, intentId);
  if (action.action === "expire") return onClockOf(db, intent.testClockId, (db) => expireIntentNow(db, owner, intent.id, actor));
  if (action.action === "authenticate" || action.action === "fail_authentication") {
    // The same call the buyer's return from the bank's page makes, with the intent's own secret.
    await completeChallenge(db, { intentId: intent.id, clientSecret: intent.clientSecret, authenticated: action.action === "authenticate" });
    return getIntent(db, owner, intent.id);
  }
  const number = action.action === "require_action" ? ALWAYS_AUTHENTICATES : APPROVED_CARD;
  const processor = action.action === "decline" ? new DecliningProcessor(action.declineCode ?? "05") : undefined;
  const year = new Date().getUTCFullYear() + 3;
  await confirmIntent(db, { intentId: intent.id, clientSecret: intent.clientSecret, card: { number, expMonth: 12, expYear: year, cvc: "123" } }, processor);
  return getIntent(db, owner, intent.id);
}

/** The simulation, answering every authorization with the decline asked for. */
class DecliningProcessor extends SimulatedProcessor {
  constructor(private readonly declineCode: string) {
    super();
  }

  override async authorize(request: AuthorizationRequest): Promise<AuthorizationResult> {
    return { approved: false, processorReference: `sim_${request.reference}`, declineCode: this.declineCode, message: declineMessage(this.declineCode) };
  }
}
