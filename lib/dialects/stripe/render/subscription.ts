import type { PaymentIntent, Subscription } from "@/db/schema";
import { invoiceIdOf, subscriptionItemIdOf } from "../ids";
import type { SessionData } from "../session-data";
import { list, stringValues, unix } from "./common";
import { renderPrice } from "./catalog";

const SUBSCRIPTION_STATUS: Record<Subscription["status"], string> = { active: "active", past_due: "past_due", canceled: "canceled" };

/** A Subscription, priced by the session that started it. */
export function renderSubscription(subscription: Subscription, session: SessionData | null, latestInvoiceIntentId: string | null) {
  const items = (session?.line_items ?? []).map(({ price, quantity }) => ({
    id: subscriptionItemIdOf(subscription.id),
    object: "subscription_item",
    created: unix(subscription.createdAt),
    current_period_end: unix(subscription.currentPeriodEnd),
    current_period_start: unix(subscription.currentPeriodStart),
    metadata: {},
    price: renderPrice({ ...price, created: subscription.createdAt, mode: subscription.mode, active: true, nickname: null, lookup_key: null }),
    quantity,
    subscription: subscription.id,
  }));
  return {
    id: subscription.id,
    object: "subscription",
    billing_cycle_anchor: unix(subscription.createdAt),
    cancel_at: null,
    cancel_at_period_end: false,
    canceled_at: unix(subscription.canceledAt),
    collection_method: "charge_automatically",
    created: unix(subscription.createdAt),
    currency: subscription.currency.toLowerCase(),
    current_period_end: unix(subscription.currentPeriodEnd),
    current_period_start: unix(subscription.currentPeriodStart),
    customer: session?.customer ?? null,
    days_until_due: null,
    default_payment_method: null,
    ended_at: unix(subscription.canceledAt),
    items: list(`/v1/subscription_items?subscription=${subscription.id}`, items, false),
    latest_invoice: latestInvoiceIntentId ? invoiceIdOf(latestInvoiceIntentId) : null,
    livemode: subscription.mode === "live",
    metadata: stringValues(subscription.metadata),
    start_date: unix(subscription.createdAt),
    status: SUBSCRIPTION_STATUS[subscription.status],
    test_clock: subscription.testClockId,
  };
}

/** An Invoice: the intent that bills one period of a subscription. */
export function renderInvoice(intent: PaymentIntent, subscription: Subscription, session: SessionData | null) {
  const paid = intent.status === "succeeded";
  const first = !intent.subscriptionId;
  const lines = (session?.line_items ?? []).map(({ price, quantity }, index) => ({
    id: `il_${invoiceIdOf(intent.id).slice(3)}${index}`,
    object: "line_item",
    amount: price.unit_amount * quantity,
    currency: price.currency.toLowerCase(),
    description: `${quantity} × ${price.product_name}`,
    period: { start: unix(subscription.currentPeriodStart), end: unix(subscription.currentPeriodEnd) },
    pricing: { price_details: { price: price.id, product: price.product }, type: "price_details" },
    quantity,
  }));
  return {
    id: invoiceIdOf(intent.id),
    object: "invoice",
    amount_due: intent.amount,
    amount_paid: paid ? intent.amountCaptured : 0,
    amount_remaining: paid ? 0 : intent.amount,
    attempt_count: intent.attemptCount,
    attempted: intent.attemptCount > 0,
    billing_reason: first ? "subscription_create" : "subscription_cycle",
    collection_method: "charge_automatically",
    created: unix(intent.createdAt),
    currency: intent.currency.toLowerCase(),
    customer: session?.customer ?? null,
    customer_email: intent.buyerEmail ?? intent.customerEmail,
    hosted_invoice_url: null,
    lines: list(`/v1/invoices/${invoiceIdOf(intent.id)}/lines`, lines, false),
    livemode: subscription.mode === "live",
    metadata: {},
    number: null,
    paid,
    // Where newer API versions say which subscription it bills; `subscription` stays for older ones.
    parent: { type: "subscription_details", quote_details: null, subscription_details: { metadata: stringValues(subscription.metadata), subscription: subscription.id } },
    period_end: unix(subscription.currentPeriodEnd),
    period_start: unix(subscription.currentPeriodStart),
    status: paid ? "paid" : intent.status === "failed" ? "uncollectible" : "open",
    subscription: subscription.id,
    subtotal: intent.amount,
    test_clock: intent.testClockId,
    total: intent.amount,
  };
}
