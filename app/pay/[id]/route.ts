import { getDb } from "@/db/client";
import { renderCheckoutErrorPage, type CheckoutErrorStatus } from "@/components/checkout/error-page";
import { renderCheckoutPage } from "@/components/checkout/checkout-page";
import { getCheckout } from "@/lib/checkout/get-checkout";
import { checkoutPageHeaders, checkoutPolicy, newScriptNonce, NOBODY } from "@/lib/checkout/checkout-policy";
import { randomBase62 } from "@/lib/crypto/tokens";
import { nativeDialect } from "@/lib/dialects/native/dialect";
import { isAppError } from "@/lib/errors/app-error";
import { describeError } from "@/lib/errors/log-error";
import { otherMethods, type RouteContext } from "@/lib/http/route-methods";
import { unstorableText } from "@/lib/http/validation";
import { negotiateLocale } from "@/lib/i18n/locales";

/**
 * The hosted checkout page. Rendered here as plain HTML rather than as a React page, so that the
 * buyer downloads a few kilobytes of script instead of a framework (see components/checkout), under
 * a Content-Security-Policy with this response's own script nonce (PCI DSS 4.0 6.4.3).
 */
async function GET(request: Request, { params }: RouteContext): Promise<Response> {
  const { id: rawId } = await params;
  const id = typeof rawId === "string" ? rawId : "";
  const query = new URL(request.url).searchParams;
  const clientSecret = query.get("client_secret");
  const nonce = newScriptNonce();
  const acceptLanguage = request.headers.get("accept-language");
  const fail = (status: CheckoutErrorStatus) =>
    new Response(renderCheckoutErrorPage(status, negotiateLocale(null, acceptLanguage), nonce), { status, headers: checkoutPageHeaders(NOBODY, nonce) });

  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) return fail(404);
  if (clientSecret !== null && (clientSecret.length > 128 || unstorableText(clientSecret))) return fail(403);
  try {
    const checkout = await getCheckout(await getDb(), id, clientSecret);
    const { intent } = checkout;
    const formError = query.get("error");
    const page = renderCheckoutPage({
      checkout,
      locale: negotiateLocale(intent.locale, acceptLanguage),
      nonce,
      formError: formError && /^[a-z_]{1,64}$/.test(formError) ? formError : null,
      submissionKey: `form_${randomBase62(24)}`,
      announceOutcome: query.get("outcome") === "1",
    });
    return new Response(page, { status: 200, headers: checkoutPageHeaders(checkoutPolicy(intent, checkout.merchant), nonce) });
  } catch (error) {
    if (isAppError(error)) return fail(error.code === "client_secret_invalid" ? 403 : 404);
    // Logged without the driver's query parameters, which may hold the client secret.
    console.error(`[kassa] checkout page ${id} failed: ${describeError(error)}`);
    return fail(500);
  }
}

export { GET };
export const { POST, PUT, PATCH, DELETE } = otherMethods(nativeDialect, { GET });
