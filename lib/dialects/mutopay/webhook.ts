import type { PaymentAttempt } from "@/db/schema";
import type { Db } from "@/db/client";
import { hmacHex } from "@/lib/crypto/tokens";
import { paidAttempt, transactionReference } from "@/lib/intents/paid-attempt";
import { minorToNumber } from "@/lib/money/decimal";
import type { WebhookFormat, WebhookSubject } from "@/lib/webhooks/webhook-format";
import { pluginFailureReason, renderPayment } from "./render";

/**
 * The WooCommerce plugin acts on `payment.completed`, `payment.failed` and `payment.expired`, and
 * ignores names it does not know. A decline the buyer may still retry is not a failed payment to
 * the shop, so it gets a name of its own; a canceled payment closes the order like an expired one.
 */
function pluginEvent(event: WebhookSubject): string {
  switch (event.type) {
    case "payment.succeeded":
      return "payment.completed";
    case "payment.failed":
      return event.intent?.status === "failed" ? "payment.failed" : "payment.attempt_failed";
    case "payment.canceled":
    case "payment.expired":
      return "payment.expired";
    // Seen on chain, waiting for its confirmations: the plugin's word for still waiting.
    case "payment.processing":
      return "payment.pending";
    default:
      return event.type;
  }
}

async function txHash(db: Db, event: WebhookSubject): Promise<string | null> {
  const intent = event.intent;
  // Paid on chain: the transaction itself, from the moment it is seen (and a late one's own).
  const told = event.details?.tx_hash;
  if (typeof told === "string") return told;
  if (intent?.txHash) return intent.txHash;
  if (!intent || (intent.status !== "succeeded" && intent.status !== "authorized")) return null;
  const paid = (attempt: PaymentAttempt | undefined) => attempt && (attempt.status === "succeeded" || attempt.status === "authorized");
  const attempt = paid(event.attempt) ? event.attempt! : await paidAttempt(db, intent.merchantId, intent.id);
  return attempt ? transactionReference(attempt) : null;
}

function failureReason(event: WebhookSubject): string | null {
  if (event.type !== "payment.failed" && event.type !== "payment.underpaid") return null;
  const message = event.details?.message;
  const reason = typeof message === "string" ? message : (event.intent?.lastError?.message ?? null);
  return reason === null ? null : pluginFailureReason(reason);
}

/**
 * Seed 004's `{id, type, created_at, data}` with the payment, its `external_id` and the `fx_rate`
 * captured at creation (1 for USD), plus the top-level fields the WooCommerce plugin reads:
 * `event`, `external_id`, `tx_hash` and `failure_reason`.
 */
export const mutopayWebhook: WebhookFormat = {
  async render(db, event) {
    const payment = event.intent ? renderPayment(event.intent) : null;
    return {
      event: pluginEvent(event),
      external_id: payment?.external_id ?? null,
      tx_hash: await txHash(db, event),
      failure_reason: failureReason(event),
      id: event.id,
      type: event.type,
      created_at: event.createdAt.toISOString().replace(/\.\d{3}Z$/, "Z"),
      data: payment ? { ...payment, fx_rate: "fx_rate" in payment ? payment.fx_rate : 1 } : null,
      ...(event.refund ? { refund: { id: event.refund.id, amount_usd: minorToNumber(event.refund.amount, "USD") } } : {}),
    };
  },
  // PHP's hash_hmac('sha256', $body, $secret): keyed with the secret string as the shop stored it.
  signatureHeaders: (body, secret) => ({ "x-mutopay-signature": `sha256=${hmacHex(secret, body)}` }),
};
