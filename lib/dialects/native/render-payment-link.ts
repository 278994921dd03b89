import type { PaymentLink } from "@/db/schema";
import { paymentLinkUrl } from "@/lib/payment-links/payment-link-url";

export function renderPaymentLink(link: PaymentLink) {
  return {
    id: link.id,
    object: "payment_link",
    url: paymentLinkUrl(link),
    active: link.active,
    name: link.name,
    currency: link.currency,
    amount: link.amount,
    custom_amount: link.amount === null ? { minimum: link.minAmount, maximum: link.maxAmount } : null,
    max_quantity: link.maxQuantity,
    line_items: link.lineItems.map((item) => ({ name: item.name, quantity: item.quantity, unit_amount: item.unitAmount })),
    success_url: link.successUrl,
    created_at: link.createdAt.toISOString(),
    deactivated_at: link.deactivatedAt?.toISOString() ?? null,
  };
}
