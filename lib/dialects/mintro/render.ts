import type { IntentStatus, PaymentIntent, Subscription } from "@/db/schema";
import { checkoutUrl } from "@/lib/checkout/checkout-url";
import { minorToDecimal } from "@/lib/money/decimal";

/** Seed 001's four statuses (SPEC.md): in flight is still awaiting payment; an expiry cancels. */
const STATUS: Record<IntentStatus, string> = {
  requires_payment_method: "requires_payment",
  processing: "requires_payment",
  requires_action: "requires_payment",
  authorized: "succeeded",
  succeeded: "succeeded",
  failed: "failed",
  canceled: "cancelled",
  expired: "cancelled",
  underpaid: "failed",
};

export function mintroStatus(status: IntentStatus): string {
  return STATUS[status];
}

/** Laravel's timestamp format, as in the seed: 2024-12-31T23:59:59.000000Z. */
export function laravelDate(date: Date | null): string | null {
  return date ? date.toISOString().replace(/\.(\d{3})Z$/, ".$1000Z") : null;
}

/** The intent as seed 001 shows it, amounts as "80.00" strings. */
export function renderIntent(intent: PaymentIntent, subscription: Subscription | null = null) {
  const money = (minor: number) => minorToDecimal(minor, intent.currency);
  return {
    intent_id: intent.id,
    reference_id: intent.referenceId,
    customer_ref_id: (intent.dialectData.customer_ref_id as string | null | undefined) ?? null,
    amount: money(intent.amount),
    currency: intent.currency,
    status: mintroStatus(intent.status),
    payment_url: checkoutUrl(intent),
    type: intent.recurringIntervalDays ? "recurring" : "one_time",
    interval_days: intent.recurringIntervalDays,
    integration_type: intent.uiMode === "embedded" ? "iframe" : "url",
    email: intent.customerEmail,
    name: intent.customerName,
    tax: money(intent.taxAmount),
    discount: money(intent.discountAmount),
    order_items: intent.lineItems.map((item) => ({ name: item.name, quantity: item.quantity, price: money(item.unitAmount) })),
    metadata: intent.metadata,
    success_url: intent.successUrl,
    cancel_url: intent.cancelUrl,
    subscription_id: subscription?.id ?? null,
    ...(intent.txHash ? { tx_hash: intent.txHash } : {}),
    expires_at: laravelDate(intent.expiresAt),
    created_at: laravelDate(intent.createdAt),
  };
}

export function renderSubscriptionCancel(subscription: Subscription) {
  return { subscription_id: subscription.id, status: subscription.status === "canceled" ? "cancelled" : subscription.status };
}
