import { renderChallengePage } from "@/components/checkout/challenge-page";
import { completeChallenge } from "@/lib/checkout/challenge-attempt";
import { checkoutPageHeaders, checkoutPolicy, SECRET_URL_HEADERS } from "@/lib/checkout/checkout-policy";
import { checkoutPagePath, framedOutcomePath } from "@/lib/checkout/checkout-url";
import { getCheckout } from "@/lib/checkout/get-checkout";
import { successRedirect } from "@/lib/checkout/redirect-urls";
import { isAppError } from "@/lib/errors/app-error";
import { checkoutFormRoute } from "@/lib/http/checkout-form-route";
import { checkoutPageRoute, INTENT_ID, otherPageMethods } from "@/lib/http/checkout-page-route";
import { negotiateLocale } from "@/lib/i18n/locales";

/** The simulated bank's 3-D Secure challenge for an intent waiting on it; any other intent goes back to its page. */
const GET = checkoutPageRoute({ param: "id", pattern: INTENT_ID, clientSecret: "required", what: "challenge page" }, async ({ db, request, param: id, clientSecret, nonce }) => {
  const checkout = await getCheckout(db, id, clientSecret);
  const { intent, merchant } = checkout;
  if (intent.status !== "requires_action") {
    return new Response(null, { status: 303, headers: { location: checkoutPagePath(id, clientSecret!), ...SECRET_URL_HEADERS } });
  }
  const page = renderChallengePage(checkout, negotiateLocale(intent.locale, request.headers.get("accept-language")), nonce);
  return new Response(page, { status: 200, headers: checkoutPageHeaders(checkoutPolicy(intent, merchant), nonce) });
});

/**
 * The buyer's answer (Complete or Fail). Then, like the card form: on to the merchant when paid,
 * back to the page (which shows the decline) when not, and in a frame back to the framed page.
 */
const POST = checkoutFormRoute(async ({ db, intentId, field }) => {
  const clientSecret = field("client_secret");
  const page = checkoutPagePath(intentId, clientSecret);
  // "abandon": the buyer chose another card on the checkout page; the bank hears the challenge was not passed.
  const answer = field("answer");
  if (answer !== "complete" && answer !== "fail" && answer !== "abandon") return page;
  try {
    const settled = await completeChallenge(db, { intentId, clientSecret, authenticated: answer === "complete" });
    if (settled.intent.uiMode === "embedded") return framedOutcomePath(intentId, clientSecret);
    return (settled.outcome !== "declined" && successRedirect(settled.intent)) || page;
  } catch (error) {
    // Answered already (a double click), expired meanwhile, or not this buyer's: the page says which.
    if (isAppError(error)) return page;
    throw error;
  }
});

export { GET, POST };
export const { PUT, PATCH, DELETE } = otherPageMethods({ GET, POST });
