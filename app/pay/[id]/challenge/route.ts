import { getDb } from "@/db/client";
import { renderChallengePage } from "@/components/checkout/challenge-page";
import { renderCheckoutErrorPage } from "@/components/checkout/error-page";
import { completeChallenge } from "@/lib/checkout/challenge-attempt";
import { checkoutPageHeaders, checkoutPolicy, newScriptNonce, NOBODY, SECRET_URL_HEADERS } from "@/lib/checkout/checkout-policy";
import { checkoutPagePath, framedOutcomePath } from "@/lib/checkout/checkout-url";
import { getCheckout } from "@/lib/checkout/get-checkout";
import { successRedirect } from "@/lib/checkout/redirect-urls";
import { nativeDialect } from "@/lib/dialects/native/dialect";
import { isAppError } from "@/lib/errors/app-error";
import { describeError } from "@/lib/errors/log-error";
import { checkoutFormRoute } from "@/lib/http/checkout-form-route";
import { otherMethods, type RouteContext } from "@/lib/http/route-methods";
import { unstorableText } from "@/lib/http/validation";
import { negotiateLocale } from "@/lib/i18n/locales";

/** The simulated bank's 3-D Secure challenge for an intent waiting on it; any other intent goes back to its page. */
async function GET(request: Request, { params }: RouteContext): Promise<Response> {
  const id = typeof (await params).id === "string" ? ((await params).id as string) : "";
  const clientSecret = new URL(request.url).searchParams.get("client_secret");
  const nonce = newScriptNonce();
  const acceptLanguage = request.headers.get("accept-language");
  const fail = (status: 403 | 404 | 500) =>
    new Response(renderCheckoutErrorPage(status, negotiateLocale(null, acceptLanguage), nonce), { status, headers: checkoutPageHeaders(NOBODY, nonce) });
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) return fail(404);
  if (clientSecret === null || clientSecret.length > 128 || unstorableText(clientSecret)) return fail(403);
  try {
    const checkout = await getCheckout(await getDb(), id, clientSecret);
    const { intent, merchant } = checkout;
    if (intent.status !== "requires_action") {
      return new Response(null, { status: 303, headers: { location: checkoutPagePath(id, clientSecret), ...SECRET_URL_HEADERS } });
    }
    const page = renderChallengePage(checkout, negotiateLocale(intent.locale, acceptLanguage), nonce);
    return new Response(page, { status: 200, headers: checkoutPageHeaders(checkoutPolicy(intent, merchant), nonce) });
  } catch (error) {
    if (isAppError(error)) return fail(error.code === "client_secret_invalid" ? 403 : 404);
    console.error(`[kassa] challenge page ${id} failed: ${describeError(error)}`);
    return fail(500);
  }
}

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
export const { PUT, PATCH, DELETE } = otherMethods(nativeDialect, { GET, POST });
