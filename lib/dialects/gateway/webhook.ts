import { hmacHex } from "@/lib/crypto/tokens";
import { WEBHOOK_EVENT_TYPES } from "@/lib/events/event-types";
import { detailsOf } from "@/lib/intents/intent-details";
import type { WebhookFormat, WebhookSubject } from "@/lib/webhooks/webhook-format";
import { STATUS } from "./render";

/** The service's event names: a capture is `payment.captured`, releasing an authorization `payment.voided`. */
function serviceEvent(event: WebhookSubject): string {
  switch (event.type) {
    case "payment.succeeded":
      return "payment.captured";
    case "payment.canceled":
      return event.intent?.authorizedAt ? "payment.voided" : "payment.canceled";
    // The service has no underpaid: a payment that can no longer complete failed.
    case "payment.underpaid":
      return "payment.failed";
    default:
      return event.type;
  }
}

/**
 * The body seed 002's service documents in its code: `{id, event, timestamp, data: {payment_id,
 * merchant_id, status, amount, currency, card_brand, card_last4, created_at}}`.
 */
export const gatewayWebhook: WebhookFormat = {
  events: WEBHOOK_EVENT_TYPES,
  async render(db, event) {
    const intent = event.intent ? await detailsOf(db, event.intent) : null;
    return {
      id: event.id,
      event: serviceEvent(event),
      timestamp: event.createdAt.toISOString(),
      data: intent
        ? {
            payment_id: intent.id,
            merchant_id: intent.merchantId,
            status: STATUS[intent.status],
            amount: intent.amount,
            amount_refunded: intent.amountRefunded,
            currency: intent.currency,
            card_brand: intent.card?.brand ?? null,
            card_last4: intent.card?.last4 ?? null,
            ...(intent.txHash ? { tx_hash: intent.txHash } : {}),
            created_at: intent.createdAt.toISOString(),
          }
        : null,
    };
  },
  // Lower-case hex of the raw body, keyed with the secret string as the merchant received it; the
  // timestamp rides beside it, unsigned, as the service's code has it.
  signatureHeaders: (body, secret, sentAt) => ({
    "x-webhook-signature": hmacHex(secret, body),
    "x-webhook-timestamp": sentAt.toISOString(),
  }),
};
