import type { ReferenceDefinition } from "@/lib/openapi/build-document";
import { sampleIntent } from "@/lib/openapi/samples";
import { data } from "./dialect";
import { renderPayment } from "./render";

const payment = () => data(renderPayment(sampleIntent("mint", "pay_3MtwBwLkdIwHu7ix28a3tqPa"))).body;

/** Seed 000 (mint): decimal amounts, answers wrapped in `{"data": …}`. */
export const mintReference: ReferenceDefinition = {
  dialect: "mint",
  title: "Kassa API, mint dialect (seed 000)",
  description: "Payments with decimal amounts and an embedded or hosted checkout, answered as `{\"data\": …}`; errors as Kassa's native envelope.",
  security: {
    secret_key: { name: "apiKey", scheme: { type: "apiKey", in: "header", name: "X-API-Key", description: "The merchant's secret key (Authorization: Bearer works too)." } },
  },
  operations: {
    "POST /v1/payments": {
      summary: "Create a payment",
      status: 201,
      example: payment,
      requestExample: { amount: "42.00", currency: "USD", order_id: "1042", description: "2 × Ethiopia Guji, 250 g", return_url: "https://shop.example/orders/1042" },
    },
    "GET /v1/payments/{id}": { summary: "Retrieve a payment", example: payment },
    "GET /api/v1/checkouts": { summary: "List the merchant's checkouts (branding)" },
    "POST /api/v1/checkouts": { summary: "Create a checkout (its own name and branding)", status: 201 },
  },
};
