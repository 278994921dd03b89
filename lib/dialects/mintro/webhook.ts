import { minorToDecimal } from "@/lib/money/decimal";
import type { WebhookRenderer } from "@/lib/webhooks/webhook-format";

/**
 * Seed 001's payloads: `intent_id`, `charge_id` for charges, `subscription_id` for subscription
 * events, `message` when something went wrong, and the merchant's `metadata`. The seed's examples
 * leave out the event name; Kassa adds it as `event`, which a reader of the other fields can ignore.
 */
export const mintroWebhook: WebhookRenderer = async (_db, event) => {
  const intentId = event.intent?.id ?? event.subscription?.intentId ?? null;
  const metadata = event.subscription?.metadata ?? event.intent?.metadata ?? {};
  const message = typeof event.details?.message === "string" ? event.details.message : undefined;
  // Seed 001's statuses have no underpaid: the intent failed, and the message says how much arrived.
  const name = event.type === "payment.underpaid" ? "payment.failed" : event.type;
  const base = { event: name, ...(event.subscription ? { subscription_id: event.subscription.id } : {}), intent_id: intentId, ...(event.intent?.txHash ? { tx_hash: event.intent.txHash } : {}) };
  switch (event.type) {
    case "payment.succeeded":
    case "payment.failed":
    case "payment.underpaid":
      return { ...base, charge_id: event.attempt?.chargeId ?? null, ...(message ? { message } : {}), metadata };
    case "payment.refunded":
      return {
        ...base,
        refund_id: event.refund?.id,
        amount: event.refund ? minorToDecimal(event.refund.amount, event.refund.currency) : null,
        metadata,
      };
    default:
      return { ...base, ...(message ? { message } : {}), metadata };
  }
};
