import type { Subscription } from "@/db/schema";
import { checkoutUrl } from "@/lib/checkout/checkout-url";
import type { IntentDetails } from "@/lib/intents/intent-details";
import { lineItemIdOf, sessionIdOf } from "../ids";
import type { SessionData } from "../session-data";
import { list, unix } from "./common";
import { renderPrice } from "./catalog";
import { renderPaymentIntent } from "./payment-intent";

const OPEN = ["requires_payment_method", "requires_action", "processing"];

/** open while it can be paid, complete once paid (or authorized), expired when it no longer can be. */
export function sessionStatus(intent: IntentDetails): "open" | "complete" | "expired" {
  if (OPEN.includes(intent.status)) return "open";
  return intent.status === "succeeded" || intent.status === "authorized" || intent.amountCaptured > 0 ? "complete" : "expired";
}

/** paid once the money is captured; a manual capture's session is complete and still unpaid until then. */
export const paymentStatus = (intent: IntentDetails) => (intent.amountCaptured > 0 ? "paid" : "unpaid");

export function renderLineItems(intent: IntentDetails, session: SessionData) {
  const items = session.line_items.map(({ price, quantity }, index) => ({
    id: lineItemIdOf(intent.id, index),
    object: "item",
    amount_discount: 0,
    amount_subtotal: price.unit_amount * quantity,
    amount_tax: 0,
    amount_total: price.unit_amount * quantity,
    currency: price.currency.toLowerCase(),
    description: price.product_name,
    price: renderPrice({ ...price, created: intent.createdAt, mode: intent.mode, active: true, nickname: null, lookup_key: null }),
    quantity,
  }));
  return list(`/v1/checkout/sessions/${sessionIdOf(intent.id)}/line_items`, items, false);
}

export type SessionExpansions = { paymentIntent?: boolean; lineItems?: boolean };

/** A Checkout Session: the intent that was made for it, as the page the buyer pays on. */
export function renderCheckoutSession(intent: IntentDetails, session: SessionData, subscription: Subscription | null, expand: SessionExpansions = {}) {
  const status = sessionStatus(intent);
  const subtotal = intent.amount - intent.taxAmount + intent.discountAmount;
  const email = intent.buyerEmail ?? intent.customerEmail;
  const subscriptionMode = session.mode === "subscription";
  return {
    id: sessionIdOf(intent.id),
    object: "checkout.session",
    after_expiration: null,
    allow_promotion_codes: null,
    amount_subtotal: subtotal,
    amount_total: intent.amount,
    automatic_tax: { enabled: false, liability: null, status: null },
    billing_address_collection: null,
    cancel_url: session.cancel_url,
    client_reference_id: session.client_reference_id,
    client_secret: session.ui_mode === "embedded" && status === "open" ? intent.clientSecret : null,
    created: unix(intent.createdAt),
    currency: intent.currency.toLowerCase(),
    customer: session.customer,
    customer_creation: null,
    customer_details: status === "complete" ? { address: null, email, name: intent.card?.cardholderName ?? null, phone: null, tax_exempt: "none", tax_ids: [] } : null,
    customer_email: session.customer_email,
    expires_at: unix(intent.expiresAt),
    invoice: null,
    line_items: expand.lineItems ? renderLineItems(intent, session) : undefined,
    livemode: intent.mode === "live",
    locale: session.locale,
    metadata: session.metadata,
    mode: session.mode,
    payment_intent: subscriptionMode ? null : expand.paymentIntent ? renderPaymentIntent(intent) : intent.id,
    payment_method_types: ["card"],
    payment_status: paymentStatus(intent),
    return_url: session.return_url,
    status,
    submit_type: null,
    subscription: subscription?.id ?? null,
    success_url: session.success_url,
    total_details: { amount_discount: intent.discountAmount, amount_shipping: 0, amount_tax: intent.taxAmount },
    ui_mode: session.ui_mode,
    url: session.ui_mode === "hosted" && status === "open" ? checkoutUrl(intent) : null,
  };
}
