import { minorToNumber } from "@/lib/money/decimal";
import type { WebhookRenderer } from "@/lib/webhooks/webhook-format";
import { renderPayment } from "./render";

/** The payment as `GET /v1/payments/{id}` returns it, under `{id, type, created_at, data}`. */
export const mintWebhook: WebhookRenderer = async (_db, event) => ({
  id: event.id,
  // Seed 000 calls a payment that can no longer complete failed, and an underpaid one is that.
  type: event.type === "payment.underpaid" ? "payment.failed" : event.type,
  created_at: event.createdAt.toISOString(),
  data: event.intent ? renderPayment(event.intent) : null,
  ...(event.refund ? { refund: { id: event.refund.id, amount: minorToNumber(event.refund.amount, event.refund.currency) } } : {}),
});
