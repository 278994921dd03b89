import { describeError } from "@/lib/errors/log-error";
import type { ValidCard } from "./card";
import type { Claim } from "./claim-attempt";
import type { AuthorizationResult, CardProcessor } from "./processor";

/** A retryable decline for when the acquirer, not the card, failed: "96", system malfunction. */
export const PROCESSING_ERROR: Omit<Extract<AuthorizationResult, { approved: false }>, "processorReference"> = {
  approved: false,
  declineCode: "96",
  message: "The payment could not be processed. Please try again.",
};

/** Asks the acquirer, outside any transaction; an acquirer that fails is recorded as a "96" decline. */
export async function authorizeAttempt(processor: CardProcessor, claim: Claim, card?: ValidCard): Promise<AuthorizationResult> {
  try {
    return await processor.authorize({
      reference: claim.attempt.id,
      amount: claim.intent.amount,
      currency: claim.intent.currency,
      card: card ? { pan: card.pan, cvc: card.cvc, expMonth: card.expMonth, expYear: card.expYear } : undefined,
      token: { fingerprint: claim.token.fingerprint, brand: claim.token.brand as ValidCard["brand"], last4: claim.token.last4 },
      capture: claim.intent.captureMethod === "automatic",
    });
  } catch (error) {
    console.error(`[kassa] processor ${processor.name} failed for attempt ${claim.attempt.id}: ${describeError(error)}`);
    return { ...PROCESSING_ERROR, processorReference: "" };
  }
}
