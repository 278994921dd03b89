import { renderChallengePage } from "@/components/checkout/challenge-page";
import { completeChallenge } from "@/lib/checkout/challenge-attempt";
import { checkoutPageHeaders, checkoutPolicy, SECRET_URL_HEADERS } from "@/lib/checkout/checkout-policy";
import { acquirerChallengeUrl } from "@/lib/checkout/acquirer-challenge";
import { afterChallengePath } from "@/lib/checkout/after-challenge";
import { checkoutPagePath } from "@/lib/checkout/checkout-url";
import { getCheckout } from "@/lib/checkout/get-checkout";
import { isAppError } from "@/lib/errors/app-error";
import { checkoutFormRoute } from "@/lib/http/checkout-form-route";
import { checkoutPageRoute, INTENT_ID, otherPageMethods } from "@/lib/http/checkout-page-route";
import { negotiateLocale } from "@/lib/i18n/locales";

/** The simulated bank's 3-D Secure challenge for an intent waiting on it; any other intent goes back to its page. */
const GET = checkoutPageRoute({ param: "id", pattern: INTENT_ID, clientSecret: "required", what: "challenge page" }, async ({ db, request, param: id, clientSecret, nonce }) => {
  const checkout = await getCheckout(db, id, clientSecret);
  const { intent, merchant } = checkout;
  // Past its expiry the challenge can no longer be answered (Kassa would refuse it, while a live
  // bank could still charge the card): the buyer goes back to the page, which says where it stands.
  const timeUp = intent.testClockId === null && intent.expiresAt.getTime() <= Date.now();
  if (intent.status !== "requires_action" || timeUp) {
    return new Response(null, { status: 303, headers: { location: checkoutPagePath(id, clientSecret!), ...SECRET_URL_HEADERS } });
  }
  // A live acquirer's bank has its own page, which sends the buyer back to ./challenge/return.
  const acquirerPage = await acquirerChallengeUrl(db, id);
  if (acquirerPage) return new Response(null, { status: 303, headers: { location: acquirerPage, ...SECRET_URL_HEADERS } });
  const page = renderChallengePage(checkout, negotiateLocale(intent.locale, request.headers.get("accept-language")), nonce);
  return new Response(page, { status: 200, headers: checkoutPageHeaders(checkoutPolicy(intent, merchant), nonce) });
});

/** The buyer's answer (Complete or Fail), then on as after the card form (afterChallengePath). */
const POST = checkoutFormRoute(async ({ db, intentId, field }) => {
  const clientSecret = field("client_secret");
  const page = checkoutPagePath(intentId, clientSecret);
  // "abandon": the buyer chose another card on the checkout page; the bank hears the challenge was not passed.
  const answer = field("answer");
  if (answer !== "complete" && answer !== "fail" && answer !== "abandon") return page;
  try {
    return afterChallengePath(await completeChallenge(db, { intentId, clientSecret, authenticated: answer === "complete" }), clientSecret);
  } catch (error) {
    // Answered already (a double click), expired meanwhile, or not this buyer's: the page says which.
    if (isAppError(error)) return page;
    throw error;
  }
});

export { GET, POST };
export const { PUT, PATCH, DELETE } = otherPageMethods({ GET, POST });
