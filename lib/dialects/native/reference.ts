import type { ReferenceDefinition } from "@/lib/openapi/build-document";
import { sampleIntent } from "@/lib/openapi/samples";
import { renderIntent } from "./render";

const intent = () => renderIntent(sampleIntent("native"));
const list = () => ({ object: "list", url: "/api/v1/payment-intents", has_more: false, data: [intent()] });

/** Kassa's own API (seed 002's documented API): what its reference says beyond the schemas. */
export const nativeReference: ReferenceDefinition = {
  dialect: "native",
  title: "Kassa API, native (seed 002)",
  description:
    "Kassa's own REST API: payment intents in integer minor units, payment links, refunds, captures, subscriptions, webhook endpoints, and the accounts that own them. Errors are `{\"error\": {type, code, message, param}}`.",
  security: {
    secret_key: { name: "secretKey", scheme: { type: "http", scheme: "bearer", description: "A merchant's secret key: `Authorization: Bearer sk_test_…`." } },
    access_token: { name: "accessToken", scheme: { type: "http", scheme: "bearer", bearerFormat: "JWT", description: "A user's access token from POST /api/v1/auth/login." } },
  },
  operations: {
    "GET /api/health": { summary: "Health: 200 once the database is open and migrated" },
    "POST /api/v1/auth/register": { summary: "Register a user", status: 201 },
    "POST /api/v1/auth/login": { summary: "Log in: an access token for the account API" },
    "GET /api/v1/merchants": { summary: "List the merchants you belong to" },
    "POST /api/v1/merchants": { summary: "Create a merchant", status: 201 },
    "GET /api/v1/merchants/{id}": { summary: "Retrieve a merchant" },
    "PATCH /api/v1/merchants/{id}": { summary: "Update a merchant's settings" },
    "GET /api/v1/merchants/{id}/api-keys": { summary: "List a merchant's API keys" },
    "PUT /api/v1/merchants/{id}/acquirer": { summary: "Set the acquirer for live payments (owner only; the key is sealed and never shown again)" },
    "GET /api/v1/merchants/{id}/acquirer": { summary: "Show the acquirer for live payments: its type and the key's last four" },
    "DELETE /api/v1/merchants/{id}/acquirer": { summary: "Remove the acquirer: live keys are refused until one is set again" },
    "POST /api/acquirers/{type}/webhook": { summary: "The acquirer's own webhooks (Stripe-Signature verified), for answers that came late" },
    "POST /api/v1/merchants/{id}/api-keys": { summary: "Create an API key (its secret is shown once)", status: 201 },
    "DELETE /api/v1/merchants/{id}/api-keys/{key_id}": { summary: "Revoke an API key" },
    "POST /api/v1/payment-intents": {
      summary: "Create a payment intent",
      status: 201,
      example: intent,
      requestExample: { amount: 4200, currency: "USD", description: "2 × Ethiopia Guji, 250 g", reference_id: "ORDER-1042", customer_email: "ada@example.com", success_url: "https://shop.example/thanks?session={CHECKOUT_SESSION_ID}", cancel_url: "https://shop.example/cart" },
    },
    "GET /api/v1/payment-intents": { summary: "List payment intents, newest first", example: list },
    "GET /api/v1/payment-intents/{id}": { summary: "Retrieve a payment intent", example: intent },
    "POST /api/v1/payment-intents/{id}/confirm": { summary: "Confirm with a card (the checkout's call; authenticated by the client secret)" },
    "POST /api/v1/payment-intents/{id}/cancel": { summary: "Cancel a payment intent" },
    "POST /api/v1/payment-intents/{id}/capture": { summary: "Capture an authorized payment, in full or in part" },
    "POST /api/v1/payment-intents/{id}/void": { summary: "Void an authorization" },
    "GET /api/v1/payment-intents/{id}/refunds": { summary: "List a payment's refunds" },
    "POST /api/v1/payment-intents/{id}/refunds": { summary: "Refund a payment, in full or in part", status: 201 },
    "POST /api/v1/payment-links": { summary: "Create a payment link", status: 201 },
    "GET /api/v1/payment-links": { summary: "List payment links, newest first" },
    "GET /api/v1/payment-links/{id}": { summary: "Retrieve a payment link" },
    "POST /api/v1/payment-links/{id}/deactivate": { summary: "Deactivate a payment link" },
    "GET /api/v1/subscriptions": { summary: "List subscriptions" },
    "GET /api/v1/subscriptions/{id}": { summary: "Retrieve a subscription" },
    "POST /api/v1/subscriptions/{id}/cancel": { summary: "Cancel a subscription" },
    "GET /api/v1/webhook-endpoints": { summary: "List webhook endpoints" },
    "POST /api/v1/webhook-endpoints": { summary: "Add a webhook endpoint (its signing secret is shown once)", status: 201 },
    "GET /api/v1/webhook-endpoints/{id}": { summary: "Retrieve a webhook endpoint" },
    "PATCH /api/v1/webhook-endpoints/{id}": { summary: "Update a webhook endpoint" },
    "DELETE /api/v1/webhook-endpoints/{id}": { summary: "Delete a webhook endpoint" },
    "GET /api/v1/webhook-endpoints/{id}/deliveries": { summary: "An endpoint's delivery log" },
    "POST /api/v1/webhook-endpoints/{id}/rotate-secret": { summary: "Rotate the signing secret (the old one signs on for a grace period)" },
    "POST /api/v1/webhook-endpoints/{id}/test": { summary: "Send a test event" },
    "POST /api/v1/events/{id}/redeliver": { summary: "Send an event again" },
    "POST /api/v1/test-clocks": { summary: "Create a test clock (test mode): intents and subscriptions made with its id as test_clock live on its time", status: 201, requestExample: { frozen_time: "2027-01-01T00:00:00Z", name: "Annual plan" } },
    "GET /api/v1/test-clocks": { summary: "List test clocks (test mode)" },
    "GET /api/v1/test-clocks/{id}": { summary: "Retrieve a test clock (test mode)" },
    "DELETE /api/v1/test-clocks/{id}": { summary: "Delete a test clock: its objects stay as they stood, and nothing more happens to them" },
    "POST /api/v1/test-clocks/{id}/advance": {
      summary: "Advance a test clock: everything due until frozen_time (expiry, renewals, declines and retries, voids) happens in order, each at its own time",
      requestExample: { frozen_time: "2027-04-06T00:00:00Z" },
    },
    "POST /api/v1/test-helpers/payment-intents/{id}/{action}": {
      summary: "Test mode: do what a buyer or bank would to an intent (action: succeed, decline with decline_code, require_action for 3-D Secure, then authenticate or fail_authentication, expire), through the checkout's own path",
      requestExample: { decline_code: "51" },
    },
    "POST /api/v1/test-helpers/subscriptions/{id}/fail_next_renewal": { summary: "Test mode: decline the subscription's next renewal (decline_code, 51 by default); it is retried as usual" },
  },
};
