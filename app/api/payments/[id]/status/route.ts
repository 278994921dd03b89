import { getIntent } from "@/lib/intents/get-intent";
import { paidAttempt, transactionReference } from "@/lib/intents/paid-attempt";
import { mutopayDialect } from "@/lib/dialects/mutopay/dialect";
import { renderPaymentStatus } from "@/lib/dialects/mutopay/render";
import { paymentParams } from "@/lib/dialects/mutopay/schemas";
import { ok } from "@/lib/http/api-result";
import { apiRoute } from "@/lib/http/api-route";
import { otherMethods } from "@/lib/http/route-methods";

/** What MutoPay's WooCommerce plugin polls: `{id, status, tx_hash, failure_reason}` in its four statuses. */
export const GET = apiRoute({
  dialect: mutopayDialect,
  auth: "secret_key",
  params: paymentParams,
  handle: async ({ db, auth, params }) => {
    const intent = await getIntent(db, auth.owner, params.id);
    // Paid on chain, the transaction's own hash; by card, the acquirer's reference.
    const attempt = intent.status === "succeeded" && !intent.txHash ? await paidAttempt(db, auth.owner, intent.id) : null;
    return ok(renderPaymentStatus(intent, intent.txHash ?? (attempt ? transactionReference(attempt) : null)));
  },
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(mutopayDialect, { GET });
