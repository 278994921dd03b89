export type SnippetContext = { baseUrl: string; merchantId: string; clientId: string | null; checkoutId: string };
export type Snippet = { dialect: string; title: string; language: string; code: string };

const SECRET = "$KASSA_SECRET_KEY";

/** Copy-paste requests for each dialect, filled in with this merchant's real ids. */
export function dialectSnippets(context: SnippetContext): Snippet[] {
  const { baseUrl, clientId, checkoutId } = context;
  return [
    {
      dialect: "native",
      title: "Create a payment intent (native, seed 002)",
      language: "bash",
      code: `curl ${baseUrl}/api/v1/payment-intents \\
  -H "Authorization: Bearer ${SECRET}" \\
  -H "Idempotency-Key: order-1042" \\
  -H "Content-Type: application/json" \\
  -d '{"amount": 9999, "currency": "USD",
       "success_url": "https://your-shop.example/thanks?session={CHECKOUT_SESSION_ID}",
       "cancel_url": "https://your-shop.example/cart"}'`,
    },
    {
      dialect: "mintro",
      title: "Create an intent (mintro, seed 001)",
      language: "bash",
      code: `curl -X POST ${baseUrl}/api/platform/intents \\
  -H "X-Client-ID: ${clientId ?? "YOUR_CLIENT_ID"}" \\
  -H "X-Client-Secret: ${SECRET}" \\
  -H "Content-Type: application/json" \\
  -d '{"amount": 80, "currency": "USD", "intent_type": "one_time",
       "email": "customer@example.com", "name": "John Doe", "reference_id": "ORDER-123456",
       "integration_type": "url", "success_url": "https://your-shop.example/success",
       "cancel_url": "https://your-shop.example/cancel",
       "order_items": [{"name": "Product 1", "quantity": 1, "price": 80.00}]}'`,
    },
    {
      dialect: "mint",
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
    },
    {
      dialect: "shop",
      title: "Create a payment (shop, seed 003)",
      language: "bash",
      code: `curl ${baseUrl}/api/v1/payments \\
  -H "Authorization: Bearer ${SECRET}" \\
  -H "Content-Type: application/json" \\
  -d '{"amount": 10000, "currency": "usd", "return_url": "https://your-shop.example/orders/1042"}'`,
    },
    {
      dialect: "mutopay",
      title: "Create a payment (mutopay, seed 004)",
      language: "bash",
      code: `curl -X POST ${baseUrl}/api/payments \\
  -H "X-API-Key: ${SECRET}" \\
  -H "Content-Type: application/json" \\
  -d '{"amount_usd": 25.00, "description": "Order #1042", "external_id": "order_1042",
       "callback_url": "https://your-shop.example/thanks"}'`,
    },
    {
      dialect: "webhooks",
      title: "Verify a webhook (any dialect)",
      language: "ts",
      code: `import { Webhook } from "standardwebhooks";

const event = new Webhook(process.env.KASSA_WEBHOOK_SECRET!).verify(rawBody, {
  "webhook-id": request.headers["webhook-id"],
  "webhook-timestamp": request.headers["webhook-timestamp"],
  "webhook-signature": request.headers["webhook-signature"],
});`,
    },
  ];
}
