import type { ReferenceDefinition } from "@/lib/openapi/build-document";
import { sampleIntent } from "@/lib/openapi/samples";
import { renderIntent } from "./render";

const intent = () => renderIntent(sampleIntent("mintro"));

/** Seed 001 (mintro): the platform API, keyed by client id and secret. */
export const mintroReference: ReferenceDefinition = {
  dialect: "mintro",
  title: "Kassa API, mintro dialect (seed 001)",
  description: "The platform API: intents with a merchant reference_id, looked up by id or reference, and subscriptions. Validation errors are 422 with every field at fault.",
  security: {
    secret_key: {
      name: "clientCredentials",
      scheme: { type: "apiKey", in: "header", name: "X-Client-Secret", description: "The key's secret, sent beside its id in X-Client-Id." },
    },
  },
  companionHeaders: ["X-Client-Id: ck_test_…"],
  operations: {
    "POST /api/platform/intents": {
      summary: "Create an intent",
      example: intent,
      requestExample: {
        amount: "42.00",
        currency: "USD",
        intent_type: "one_time",
        email: "ada@example.com",
        name: "Ada Lovelace",
        reference_id: "ORDER-1042",
        order_items: [{ name: "Ethiopia Guji, 250 g", quantity: 2, price: "21.00" }],
        integration_type: "url",
        success_url: "https://shop.example/thanks",
        cancel_url: "https://shop.example/cart",
      },
    },
    "GET /api/platform/intents/{id}": { summary: "Retrieve an intent", example: intent },
    "GET /api/platform/intents/reference/{reference_id}": { summary: "Retrieve an intent by your reference_id", example: intent },
    "POST /api/platform/intents/{id}/cancel": { summary: "Cancel an intent" },
    "POST /api/platform/subscriptions/{id}/cancel": { summary: "Cancel a subscription" },
  },
};
