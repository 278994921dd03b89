import type { ReferenceDefinition } from "@/lib/openapi/build-document";
import { sampleIntent } from "@/lib/openapi/samples";
import { renderPayment, renderPaymentStatus } from "./render";

const payment = () => renderPayment(sampleIntent("mutopay"));

/** Seed 004 (MutoPay): payments in US dollars, as its documents and its WooCommerce plugin use them. */
export const mutopayReference: ReferenceDefinition = {
  dialect: "mutopay",
  title: "Kassa API, MutoPay dialect (seed 004)",
  description:
    "Payments priced in US dollars (amount_usd), or in another currency (amount + currency) converted at a kept rate; the status poll and the shop-connection flow that the WooCommerce plugin uses.",
  security: { secret_key: { name: "apiKey", scheme: { type: "apiKey", in: "header", name: "X-API-Key", description: "The merchant's secret key." } } },
  operations: {
    "POST /api/payments": {
      summary: "Create a payment",
      status: 201,
      example: payment,
      requestExample: { amount: "42.00", currency: "USD", external_id: "1042", description: "Order #1042", callback_url: "https://shop.example/checkout/order-received/1042", expires_in_minutes: 60, metadata: { order_id: 1042 } },
    },
    "GET /api/payments/{id}": { summary: "Retrieve a payment", example: payment },
    "GET /api/payments/{id}/status": { summary: "Poll a payment's status", example: () => renderPaymentStatus(sampleIntent("mutopay"), "0x5f1c…") },
    "POST /api/connect/exchange": { summary: "Exchange a one-time connect token for an API key and webhook secret" },
    "GET /api/merchant/setup-status": { summary: "Whether the merchant can take payments" },
  },
};
