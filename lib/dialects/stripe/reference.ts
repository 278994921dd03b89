import type { ReferenceDefinition } from "@/lib/openapi/build-document";
import { samplePaidAttempt, sampleIntent } from "@/lib/openapi/samples";
import type { SessionData } from "./session-data";
import { renderCheckoutSession } from "./render/checkout-session";
import { renderPaymentIntent } from "./render/payment-intent";

/** A Checkout Session's payment, paid with one charge: the webhook examples show all of it. */
function samplePayment() {
  const intent = sampleIntent("stripe");
  const attempt = samplePaidAttempt(intent);
  const session: SessionData = {
    mode: "payment",
    ui_mode: "hosted",
    success_url: "https://shop.example/thanks?session_id={CHECKOUT_SESSION_ID}",
    cancel_url: "https://shop.example/cart",
    return_url: null,
    client_reference_id: intent.referenceId,
    customer: null,
    customer_email: intent.customerEmail,
    locale: null,
    metadata: {},
    line_items: intent.lineItems.map((item, index) => ({
      price: { id: `price_1NgZyG${index}`, product: `prod_NWjs8kKbJWmuu${index}`, product_name: item.name, product_description: null, unit_amount: item.unitAmount, currency: intent.currency, recurring: null },
      quantity: item.quantity,
    })),
  };
  return { ...intent, dialectData: { checkout_session: session }, cardTokenId: attempt.cardTokenId, attempts: [attempt], card: attempt.card };
}

const paymentIntent = () => renderPaymentIntent(samplePayment());
const session = () => {
  const intent = samplePayment();
  return renderCheckoutSession(intent, intent.dialectData.checkout_session, null);
};

/** Stripe's API as its SDKs call it: what the reference says beyond the schemas. */
export const stripeReference: ReferenceDefinition = {
  dialect: "stripe",
  title: "Kassa API, Stripe dialect",
  description:
    "Stripe's API as its official SDKs speak it, on Kassa's own core: point any Stripe SDK at this server with `host`, `port` and `protocol`. " +
    "Bodies are form-encoded with nested keys (`line_items[0][price_data][unit_amount]=2000`); answers carry `Request-Id` and echo `Stripe-Version`; " +
    "errors are `{\"error\": {type, code, message, param, decline_code?}}` with Stripe's statuses. Buyers pay on Kassa's own page.",
  bodyMediaType: "application/x-www-form-urlencoded",
  sampleIntent: samplePayment,
  security: {
    secret_key: { name: "stripeKey", scheme: { type: "http", scheme: "bearer", description: "The merchant's secret key, as Stripe's SDKs send it: `Authorization: Bearer sk_test_…` (or Basic auth with the key as user name)." } },
  },
  operations: {
    "POST /v1/checkout/sessions": {
      summary: "Create a Checkout Session",
      example: session,
      requestExample: {
        mode: "payment",
        line_items: { "0": { price_data: { currency: "usd", unit_amount: "2000", product_data: { name: "T-shirt" } }, quantity: "1" } },
        success_url: "https://shop.example/thanks?session_id={CHECKOUT_SESSION_ID}",
        cancel_url: "https://shop.example/cart",
      },
    },
    "GET /v1/checkout/sessions": { summary: "List Checkout Sessions, newest first" },
    "GET /v1/checkout/sessions/{id}": { summary: "Retrieve a Checkout Session", example: session },
    "POST /v1/checkout/sessions/{id}/expire": { summary: "Expire an open Checkout Session" },
    "GET /v1/checkout/sessions/{id}/line_items": { summary: "A Checkout Session's line items" },
    "POST /v1/payment_intents": {
      summary: "Create a PaymentIntent (and confirm it with confirm=true)",
      example: paymentIntent,
      requestExample: { amount: "2000", currency: "usd", payment_method: "pm_card_visa", confirm: "true" },
    },
    "GET /v1/payment_intents": { summary: "List PaymentIntents, newest first" },
    "GET /v1/payment_intents/{id}": { summary: "Retrieve a PaymentIntent", example: paymentIntent },
    "POST /v1/payment_intents/{id}": { summary: "Update a PaymentIntent" },
    "POST /v1/payment_intents/{id}/confirm": { summary: "Confirm a PaymentIntent with a test payment method or raw card details (test mode)" },
    "POST /v1/payment_intents/{id}/capture": { summary: "Capture a PaymentIntent, in full or in part" },
    "POST /v1/payment_intents/{id}/cancel": { summary: "Cancel a PaymentIntent (an authorization is released)" },
    "POST /v1/refunds": { summary: "Refund a PaymentIntent or Charge, in full or in part", requestExample: { payment_intent: "pi_3MtwBwLkdIwHu7ix28a3tqPa", amount: "500" } },
    "GET /v1/refunds": { summary: "List refunds, newest first" },
    "GET /v1/refunds/{id}": { summary: "Retrieve a refund" },
    "POST /v1/products": { summary: "Create a product", requestExample: { name: "T-shirt" } },
    "GET /v1/products": { summary: "List products" },
    "GET /v1/products/{id}": { summary: "Retrieve a product" },
    "POST /v1/products/{id}": { summary: "Update a product" },
    "POST /v1/prices": { summary: "Create a price", requestExample: { currency: "usd", unit_amount: "2000", product: "prod_NWjs8kKbJWmuuc", recurring: { interval: "month" } } },
    "GET /v1/prices": { summary: "List prices" },
    "GET /v1/prices/{id}": { summary: "Retrieve a price" },
    "POST /v1/prices/{id}": { summary: "Update a price" },
    "POST /v1/customers": { summary: "Create a customer", requestExample: { email: "ada@example.com", name: "Ada Lovelace" } },
    "GET /v1/customers": { summary: "List customers" },
    "GET /v1/customers/{id}": { summary: "Retrieve a customer" },
    "POST /v1/customers/{id}": { summary: "Update a customer" },
    "GET /v1/events": { summary: "List events of the last 30 days, newest first" },
    "GET /v1/events/{id}": { summary: "Retrieve an event" },
    "POST /v1/webhook_endpoints": {
      summary: "Create a webhook endpoint (its secret whsec_… is in this answer only)",
      requestExample: { url: "https://shop.example/stripe/webhook", enabled_events: { "0": "checkout.session.completed", "1": "charge.refunded" } },
    },
    "GET /v1/webhook_endpoints": { summary: "List webhook endpoints" },
    "GET /v1/webhook_endpoints/{id}": { summary: "Retrieve a webhook endpoint" },
    "POST /v1/webhook_endpoints/{id}": { summary: "Update a webhook endpoint" },
    "DELETE /v1/webhook_endpoints/{id}": { summary: "Delete a webhook endpoint" },
    "POST /v1/test_helpers/test_clocks": { summary: "Create a test clock: customers made with test_clock, and their sessions and subscriptions, live on its time", requestExample: { frozen_time: "1798761600", name: "Annual renewals" } },
    "GET /v1/test_helpers/test_clocks": { summary: "List test clocks" },
    "GET /v1/test_helpers/test_clocks/{id}": { summary: "Retrieve a test clock" },
    "DELETE /v1/test_helpers/test_clocks/{id}": { summary: "Delete a test clock" },
    "POST /v1/test_helpers/test_clocks/{id}/advance": { summary: "Advance a test clock: renewals, retries, expiry and voids due until frozen_time happen in order, at their own times", requestExample: { frozen_time: "1806969600" } },
  },
};
