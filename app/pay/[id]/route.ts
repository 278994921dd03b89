import { getDb } from "@/db/client";
import { renderCheckoutErrorPage, type CheckoutErrorStatus } from "@/components/checkout/error-page";
import { renderCheckoutPage } from "@/components/checkout/checkout-page";
import { getCheckout } from "@/lib/checkout/get-checkout";
import { randomBase62 } from "@/lib/crypto/tokens";
import { nativeDialect } from "@/lib/dialects/native/dialect";
import { isAppError } from "@/lib/errors/app-error";
import { describeError } from "@/lib/errors/log-error";
import { otherMethods, type RouteContext } from "@/lib/http/route-methods";
import { unstorableText } from "@/lib/http/validation";
import { negotiateLocale } from "@/lib/i18n/locales";

/**
 * The hosted checkout page. Rendered here as plain HTML rather than as a React page, so that the
 * buyer downloads a few kilobytes of script instead of a framework (see components/checkout).
 */
async function GET(request: Request, { params }: RouteContext): Promise<Response> {
  const { id: rawId } = await params;
  const id = typeof rawId === "string" ? rawId : "";
  const query = new URL(request.url).searchParams;
  const clientSecret = query.get("client_secret");
  const nonce = cspNonce(request);
  const acceptLanguage = request.headers.get("accept-language");
  const fail = (status: CheckoutErrorStatus) => htmlResponse(renderCheckoutErrorPage(status, negotiateLocale(null, acceptLanguage), nonce), status);

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
    return htmlResponse(page, 200);
  } catch (error) {
    if (isAppError(error)) return fail(error.code === "client_secret_invalid" ? 403 : 404);
    // Logged without the driver's query parameters, which may hold the client secret.
    console.error(`[kassa] checkout page ${id} failed: ${describeError(error)}`);
    return fail(500);
  }
}

/** The nonce the proxy put in this response's Content-Security-Policy, handed to us on the request. */
function cspNonce(request: Request): string {
  const policy = request.headers.get("content-security-policy") ?? "";
  return /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1] ?? "";
}

function htmlResponse(body: string, status: number): Response {
  return new Response(body, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}

export { GET };
export const { POST, PUT, PATCH, DELETE } = otherMethods(nativeDialect, { GET });
