import type { Db } from "@/db/client";
import { authenticatePayment } from "./authenticate-checkout";
import { authorizeAttempt, withoutChallenge } from "./authorize-attempt";
import { validateCard, type CardInput, type ValidCard } from "./card";
import { awaitChallenge } from "./challenge-attempt";
import { claimPayment } from "./claim-attempt";
import { requiresAuthentication } from "./processor";
import { settleAttempt, type SettledAttempt } from "./settle-attempt";
import type { CardProcessor } from "./processor";
import { processorFor } from "./processors/registry";
import { onClockOf } from "@/lib/test-clocks/clock-context";

export type ConfirmInput = {
  intentId: string;
  clientSecret: string | null | undefined;
  card: CardInput;
  /** The buyer's email for the receipt, when the merchant gave none. */
  customerEmail?: string | null;
  /** The language the buyer's browser asked for, kept for the receipt when the merchant named none. */
  buyerLocale?: string | null;
  /**
   * false for a caller that cannot show the bank's challenge (seed 002's own front end): a card
   * whose bank asks for 3-D Secure is then declined, as its contract expects, instead of waiting.
   */
  canAuthenticate?: boolean;
};
export type ConfirmResult = SettledAttempt;

/**
 * Pays an intent with the card the buyer typed: the checkout page's form post and the Payment
 * API both end here. Claim (committed), ask the acquirer (no transaction open), settle (committed).
 * A decline is a result, not an error, because it is recorded and counts; so is a bank's request
 * for 3-D Secure, which leaves the intent waiting for the buyer's answer.
 */
export async function confirmIntent(db: Db, input: ConfirmInput, processor?: CardProcessor): Promise<ConfirmResult> {
  const card = await validCard(db, input);
  const claim = await claimPayment(db, input.intentId, input.clientSecret, { card, customerEmail: input.customerEmail, buyerLocale: input.buyerLocale });
  // An intent on a test clock is paid at the clock's time: its events, and the subscription it may start.
  return onClockOf(db, claim.intent.testClockId, async (db) => {
    const answer = await authorizeAttempt(processor ?? (await processorFor(db, claim.intent)), claim, card);
    const result = input.canAuthenticate === false ? withoutChallenge(answer) : answer;
    if (requiresAuthentication(result)) return awaitChallenge(db, claim, result);
    return settleAttempt(db, claim, result, { actor: { type: "buyer" } });
  });
}

/** The card, if it is one; if not, an unknown intent or a wrong secret is still what the caller hears first. */
async function validCard(db: Db, input: ConfirmInput): Promise<ValidCard> {
  try {
    return validateCard(input.card);
  } catch (error) {
    await authenticatePayment(db, input.intentId, input.clientSecret);
    throw error;
  }
}
