import type { Checkout, IntentStatus, PaymentIntent } from "@/db/schema";
import { checkoutUrl } from "@/lib/checkout/checkout-url";
import { minorToNumber } from "@/lib/money/decimal";

/** Seed 000's four statuses; a payment that can no longer be completed is "failed". */
const STATUS: Record<IntentStatus, string> = {
  requires_payment_method: "pending",
  processing: "confirming_payment",
  requires_action: "confirming_payment",
  authorized: "confirming_payment",
  succeeded: "paid",
  failed: "failed",
  canceled: "failed",
  expired: "failed",
  underpaid: "failed",
};

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function renderPayment(intent: PaymentIntent) {
  const amount = (minor: number) => minorToNumber(minor, intent.currency);
  return {
    id: intent.id,
    object: "payment",
    checkout_id: intent.checkoutId,
    status: STATUS[intent.status],
    amount: amount(intent.amount),
    currency: intent.currency,
    order_id: (intent.dialectData.order_id as string | null | undefined) ?? intent.referenceId,
    customer_id: (intent.dialectData.customer_id as string | null | undefined) ?? null,
    description: intent.description,
    return_url: intent.successUrl,
    payment_url: checkoutUrl(intent),
    metadata: intent.metadata,
    line_items: intent.lineItems.map((item) => ({ name: item.name, quantity: item.quantity, price: amount(item.unitAmount) })),
    created_at: iso(intent.createdAt),
    expires_at: iso(intent.expiresAt),
    paid_at: iso(intent.succeededAt),
    // Paid in a stablecoin: the transaction, from the moment it is seen (confirming_payment) on.
    tx_hash: intent.txHash,
  };
}

export function renderCheckout(checkout: Checkout) {
  return {
    id: checkout.id,
    object: "checkout",
    name: checkout.name,
    display_name: checkout.displayName,
    brand_color: checkout.brandColor,
    logo_url: checkout.logoUrl,
    is_default: checkout.isDefault,
    created_at: iso(checkout.createdAt),
  };
}
