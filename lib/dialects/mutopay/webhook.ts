import { minorToNumber } from "@/lib/money/decimal";
import type { WebhookRenderer } from "@/lib/webhooks/render-payload";
import { renderPayment } from "./render";

/** Seed 004: the payment with `external_id`, the `fx_rate` captured at creation (1 for USD), `metadata`. */
export const mutopayWebhook: WebhookRenderer = async (_db, event) => {
  const payment = event.intent ? renderPayment(event.intent) : null;
  return {
    id: event.id,
    type: event.type,
    created_at: event.createdAt.toISOString().replace(/\.\d{3}Z$/, "Z"),
    data: payment ? { ...payment, fx_rate: "fx_rate" in payment ? payment.fx_rate : 1 } : null,
    ...(event.refund ? { refund: { id: event.refund.id, amount_usd: minorToNumber(event.refund.amount, "USD") } } : {}),
  };
};
