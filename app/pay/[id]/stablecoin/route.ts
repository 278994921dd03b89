import { getDb } from "@/db/client";
import { getCheckout } from "@/lib/checkout/get-checkout";
import { SECRET_URL_HEADERS } from "@/lib/checkout/checkout-policy";
import { checkoutPagePath } from "@/lib/checkout/checkout-url";
import { successRedirect } from "@/lib/checkout/redirect-urls";
import { randomBase62 } from "@/lib/crypto/tokens";
import { nativeDialect } from "@/lib/dialects/native/dialect";
import { notFound } from "@/lib/errors/app-error";
import { jsonResponse } from "@/lib/http/api-result";
import { toAppError } from "@/lib/http/api-route";
import { INTENT_ID } from "@/lib/http/checkout-page-route";
import { checkoutFormRoute } from "@/lib/http/checkout-form-route";
import { otherMethods, type RouteContext } from "@/lib/http/route-methods";
import { depositView } from "@/lib/stablecoins/deposit-view";
import { findDeposit, openDeposit } from "@/lib/stablecoins/open-deposit";

/**
 * The buyer's "Pay with USDC": opens the intent's deposit address (or finds the one it has) and
 * goes back to the page, which now shows it. A plain form post, so it works without JavaScript.
 */
export const POST = checkoutFormRoute(async ({ db, intentId, field }) => {
  const { intent, merchant } = await getCheckout(db, intentId, field("client_secret"));
  await openDeposit(db, intent, merchant);
  return checkoutPagePath(intent.id, intent.clientSecret);
});

/**
 * Where a payment on chain stands, for the page's script to follow: the stage, the sums in the
 * token's units, the confirmations of the transfer that completed it, and its hash. The client
 * secret is the credential, as for the page itself.
 */
export async function GET(request: Request, context: RouteContext): Promise<Response> {
  try {
    const { id: rawId } = await context.params;
    const id = typeof rawId === "string" && INTENT_ID.test(rawId) ? rawId : "";
    if (!id) throw notFound("payment_intent", String(rawId), "id");
    const db = await getDb();
    const { intent } = await getCheckout(db, id, new URL(request.url).searchParams.get("client_secret"));
    const deposit = await findDeposit(db, intent.id);
    if (!deposit) throw notFound("stablecoin deposit of payment_intent", intent.id, "id");
    const view = await depositView(db, intent, deposit);
    return Response.json(
      {
        intent_id: intent.id,
        status: intent.status,
        stage: view.stage,
        network: view.network,
        token: view.token,
        address: view.address,
        amount_due: view.due,
        amount_received: view.received,
        amount_remaining: view.remaining,
        confirmations: view.confirmations,
        confirmations_required: view.required,
        tx_hash: view.txHash,
        success_url: view.stage === "paid" ? successRedirect(intent) : null,
      },
      { headers: { ...SECRET_URL_HEADERS, "cache-control": "no-store" } },
    );
  } catch (error) {
    return jsonResponse(nativeDialect.renderError(toAppError(error, request, `req_${randomBase62(16)}`)), SECRET_URL_HEADERS);
  }
}

export const { PUT, PATCH, DELETE } = otherMethods(nativeDialect, { GET, POST });
