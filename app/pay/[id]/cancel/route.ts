import { getDb } from "@/db/client";
import { cancelCheckout } from "@/lib/checkout/cancel-checkout";
import { SECRET_URL_HEADERS } from "@/lib/checkout/checkout-policy";
import { checkoutPagePath, framedOutcomePath } from "@/lib/checkout/checkout-url";
import { cancelRedirect } from "@/lib/checkout/redirect-urls";
import { randomBase62 } from "@/lib/crypto/tokens";
import { nativeDialect } from "@/lib/dialects/native/dialect";
import { isAppError } from "@/lib/errors/app-error";
import { jsonResponse } from "@/lib/http/api-result";
import { toAppError } from "@/lib/http/api-route";
import { checkoutFormRoute, readForm } from "@/lib/http/checkout-form-route";
import type { RouteContext } from "@/lib/http/route-methods";

const cancelByForm = checkoutFormRoute(async ({ db, intentId, field }) => {
  const page = checkoutPagePath(intentId, field("client_secret"));
  try {
    const intent = await cancelCheckout(db, intentId, field("client_secret"));
    if (intent.uiMode === "embedded") return framedOutcomePath(intentId, field("client_secret"));
    return cancelRedirect(intent) ?? page;
  } catch (error) {
    // Already paid, expired or not this buyer's: the page says which, or answers 403.
    if (isAppError(error)) return page;
    throw error;
  }
});

/**
 * The buyer's cancel button: a form post that cancels the intent and goes back to the merchant's
 * cancel_url, or answers JSON when the embedded checkout asks for it.
 */
export async function POST(request: Request, context: RouteContext): Promise<Response> {
  if (!request.headers.get("accept")?.includes("application/json")) return cancelByForm(request, context);
  const requestId = `req_${randomBase62(16)}`;
  try {
    const { id: rawId } = await context.params;
    const id = typeof rawId === "string" ? rawId : "";
    const form = await readForm(request);
    if (form instanceof Response) return form;
    const clientSecret = form.get("client_secret") ?? "";
    const intent = await cancelCheckout(await getDb(), id, clientSecret);
    return Response.json({ intent_id: intent.id, status: intent.status }, { headers: SECRET_URL_HEADERS });
  } catch (error) {
    return jsonResponse(nativeDialect.renderError(toAppError(error, request, requestId)), SECRET_URL_HEADERS);
  }
}
