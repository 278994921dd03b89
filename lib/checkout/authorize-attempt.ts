import { AppError } from "@/lib/errors/app-error";
import { logError } from "@/lib/errors/log-error";
import type { CardToken } from "@/db/schema";
import type { ValidCard } from "./card";
import { challengeReturnUrl } from "./checkout-url";
import type { Claim } from "./claim-attempt";
import { requiresAuthentication, type AuthenticationRequired, type AuthorizationResult, type CardProcessor, type SavedCard } from "./processor";
import { declineMessage } from "./test-cards";

/** A retryable decline for when the acquirer, not the card, failed: "96", system malfunction. */
export const PROCESSING_ERROR: Omit<Extract<AuthorizationResult, { approved: false }>, "processorReference"> = {
  approved: false,
  declineCode: "96",
  message: "The payment could not be processed. Please try again.",
};

/** Well under the two minutes after which the reconciler treats an attempt as abandoned. */
export function processorTimeoutMs(): number {
  return Number(process.env.KASSA_PROCESSOR_TIMEOUT_MS ?? 30_000);
}

/**
 * Asks the acquirer, outside any transaction and within a time limit. If the call fails or times
 * out, the acquirer's record for the reference decides; with none, it never arrived, and the attempt
 * is a "96" decline the buyer may retry.
 */
export async function authorizeAttempt(processor: CardProcessor, claim: Claim, card?: ValidCard): Promise<AuthorizationResult | AuthenticationRequired> {
  return answerOrFallback(processor, claim, () =>
    processor.authorize({
      reference: claim.attempt.id,
      amount: claim.intent.amount,
      currency: claim.intent.currency,
      card: card ? { pan: card.pan, cvc: card.cvc, expMonth: card.expMonth, expYear: card.expYear } : undefined,
      token: { fingerprint: claim.token.fingerprint, brand: claim.token.brand as ValidCard["brand"], last4: claim.token.last4 },
      capture: claim.intent.captureMethod === "automatic",
      intentId: claim.intent.id,
      returnUrl: challengeReturnUrl(claim.intent),
      saveCard: Boolean(claim.intent.recurringIntervalDays) && !claim.intent.subscriptionId,
      savedCard: savedCardOf(claim.token),
    }),
  );
}

const savedCardOf = (token: CardToken): SavedCard | null =>
  token.acquirerCustomer && token.acquirerPaymentMethod ? { customer: token.acquirerCustomer, paymentMethod: token.acquirerPaymentMethod } : null;

/**
 * Where nobody can answer a challenge (a renewal, with no buyer present; a front end that has no
 * 3-D Secure step), a bank that asks for one has declined: "authentication_required".
 */
export function withoutChallenge(result: AuthorizationResult | AuthenticationRequired): AuthorizationResult {
  if (!requiresAuthentication(result)) return result;
  return { approved: false, processorReference: result.processorReference, declineCode: "authentication_required", message: declineMessage("authentication_required") };
}

/** Charges a saved card with no buyer present (a renewal). */
export async function authorizeSavedCard(processor: CardProcessor, claim: Claim): Promise<AuthorizationResult> {
  return withoutChallenge(await authorizeAttempt(processor, claim));
}

/** The bank's answer once the buyer has been through its challenge, with the same time limit and fallback. */
export async function completeAuthentication(processor: CardProcessor, claim: Claim, authenticated: boolean): Promise<AuthorizationResult> {
  return answerOrFallback(processor, claim, () =>
    processor.completeAuthentication({ reference: claim.attempt.id, processorReference: claim.attempt.processorReference ?? "", authenticated }),
  );
}

async function answerOrFallback<T>(processor: CardProcessor, claim: Claim, ask: () => Promise<T>): Promise<T | AuthorizationResult> {
  try {
    return await withTimeout(ask(), processorTimeoutMs());
  } catch (error) {
    logError(`processor ${processor.name} failed for attempt ${claim.attempt.id}`, error);
    let recorded: AuthorizationResult | null;
    try {
      recorded = await processor.retrieve(claim.attempt.id, claim.attempt.processorReference);
    } catch (unknown) {
      // Nobody can say whether money moved: declining now could charge the buyer twice when they
      // retry. The attempt stays processing, and the reconciler settles it once the acquirer says.
      logError(`processor ${processor.name} could not say what became of attempt ${claim.attempt.id}`, unknown);
      throw new AppError("payment_processing", "The card's acquirer has not answered yet. The payment is still processing and will be settled in a few minutes; do not pay again.");
    }
    return recorded ?? { ...PROCESSING_ERROR, processorReference: "" };
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`No answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
