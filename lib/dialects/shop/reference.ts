import type { ReferenceDefinition } from "@/lib/openapi/build-document";
import { sampleIntent } from "@/lib/openapi/samples";
import { renderPayment } from "./render";

const payment = () => renderPayment(sampleIntent("shop"));

/** Seed 003 (shop): payments for a shop's orders. */
export const shopReference: ReferenceDefinition = {
  dialect: "shop",
  title: "Kassa API, shop dialect (seed 003)",
  description: "Payments for a shop's orders, keyed with `Authorization: Bearer`.",
  security: { secret_key: { name: "bearer", scheme: { type: "http", scheme: "bearer", description: "The merchant's secret key." } } },
  operations: {
    "POST /api/v1/payments": {
      summary: "Create a payment",
      example: payment,
      requestExample: { amount: 4200, currency: "usd", customer_email: "ada@example.com", customer_name: "Ada Lovelace", return_url: "https://shop.example/thanks", metadata: { order_id: "1042" } },
    },
    "GET /api/v1/payments/{id}": { summary: "Retrieve a payment", example: payment },
  },
};
