import type { IntentStatus, PaymentIntent } from "@/db/schema";
import { checkoutUrl } from "@/lib/checkout/checkout-url";
import { minorToNumber } from "@/lib/money/decimal";

const STATUS: Record<IntentStatus, string> = {
  requires_payment_method: "pending",
  processing: "processing",
  authorized: "processing",
  succeeded: "paid",
  failed: "failed",
  canceled: "canceled",
  expired: "expired",
};

/** Seed 004's payment: amount_usd as a number, the FX details when priced in another currency. */
export function renderPayment(intent: PaymentIntent) {
  const data = intent.dialectData as { external_id?: string | null; amount_original?: string; original_currency?: string; fx_rate?: string };
  return {
    id: intent.id,
    status: STATUS[intent.status],
    url: checkoutUrl(intent),
    amount_usd: minorToNumber(intent.amount, "USD"),
    currency: data.original_currency ?? intent.currency,
    ...(data.amount_original ? { amount_original: Number(data.amount_original), fx_rate: Number(data.fx_rate) } : {}),
    description: intent.description,
    external_id: data.external_id ?? intent.referenceId,
    callback_url: intent.successUrl,
    customer_email: intent.customerEmail,
    metadata: intent.metadata,
    expires_at: intent.expiresAt.toISOString().replace(/\.\d{3}Z$/, "Z"),
    created_at: intent.createdAt.toISOString().replace(/\.\d{3}Z$/, "Z"),
  };
}
