import type { ReferenceDefinition } from "@/lib/openapi/build-document";
import { sampleIntent } from "@/lib/openapi/samples";
import { success } from "./dialect";
import { renderIntent, renderPublicIntent } from "./render";

const intent = () => success(renderIntent(sampleIntent("gateway"))).body;

/** Seed 002's running service, as its own demo shop and checkout front end call it. */
export const gatewayReference: ReferenceDefinition = {
  dialect: "gateway",
  title: "Kassa API, seed 002 service (X-API-Key)",
  description:
    "The shape seed 002's service answers when the key is sent in X-API-Key: `{\"success\": true, \"data\": …}`, errors `{\"success\": false, \"error\": \"…\"}`; and the public routes its checkout front end calls with the client secret (CORS open).",
  security: { secret_key: { name: "apiKey", scheme: { type: "apiKey", in: "header", name: "X-API-Key", description: "The merchant's secret key." } } },
  operations: {
    "POST /api/v1/payment-intents": {
      summary: "Create a payment intent",
      example: intent,
      requestExample: { amount: 4200, currency: "usd", order_id: "1042", description: "Order #1042", customer_email: "ada@example.com", success_url: "https://shop.example/success", cancel_url: "https://shop.example/cart" },
    },
    "GET /api/v1/payment-intents": { summary: "List payment intents" },
    "GET /api/v1/payment-intents/{id}": { summary: "Retrieve a payment intent", example: intent },
    "POST /api/v1/payment-intents/{id}/cancel": { summary: "Cancel a payment intent" },
    "GET /api/public/payment-intents/{id}": { summary: "Read a payment intent with its client secret (checkout front end)", example: () => success(renderPublicIntent(sampleIntent("gateway"))).body },
    "POST /api/public/payment-intents/{id}/confirm": { summary: "Confirm with a card (checkout front end)" },
  },
};
