import type { WebhookRenderer } from "@/lib/webhooks/webhook-format";
import { renderPayment } from "./render";

/** Seed 003 sends "payment details": the payment exactly as its API returns it. */
export const shopWebhook: WebhookRenderer = async (_db, event) => ({
  id: event.id,
  // Seed 003's four statuses have no underpaid: such a payment is failed, and its event says so.
  type: event.type === "payment.underpaid" ? "payment.failed" : event.type,
  created_at: event.createdAt.toISOString(),
  data: event.intent ? renderPayment(event.intent) : null,
  ...(event.refund ? { refund: { id: event.refund.id, amount: event.refund.amount } } : {}),
});
