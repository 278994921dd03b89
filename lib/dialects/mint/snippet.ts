import type { DialectDefinition } from "../definition";

/** The dashboard's first request to copy for this dialect. */
export const mintSnippet: NonNullable<DialectDefinition["snippet"]> = ({ baseUrl, checkoutId }) => ({
  title: "Create a payment (mint, seed 000)",
  language: "ts",
  code: `const response = await fetch("${baseUrl}/v1/payments", {
  method: "POST",
  headers: { "Content-Type": "application/json", "x-api-key": process.env.KASSA_SECRET_KEY! },
  body: JSON.stringify({
    checkout_id: "${checkoutId}",
    currency: "USD",
    amount: 49,
    order_id: "order_123",
    return_url: "https://your-shop.example/checkout/complete",
  }),
});
const { data: payment } = await response.json(); // redirect the buyer to payment.payment_url`,
});
