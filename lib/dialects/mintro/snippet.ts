import { SNIPPET_SECRET } from "@/lib/dashboard/snippet";
import type { DialectDefinition } from "../definition";

/** The dashboard's first request to copy for this dialect. */
export const mintroSnippet: NonNullable<DialectDefinition["snippet"]> = ({ baseUrl, clientId }) => ({
  title: "Create an intent (mintro, seed 001)",
  language: "bash",
  code: `curl -X POST ${baseUrl}/api/platform/intents \\
  -H "X-Client-ID: ${clientId ?? "YOUR_CLIENT_ID"}" \\
  -H "X-Client-Secret: ${SNIPPET_SECRET}" \\
  -H "Content-Type: application/json" \\
  -d '{"amount": 80, "currency": "USD", "intent_type": "one_time",
       "email": "customer@example.com", "name": "John Doe", "reference_id": "ORDER-123456",
       "integration_type": "url", "success_url": "https://your-shop.example/success",
       "cancel_url": "https://your-shop.example/cancel",
       "order_items": [{"name": "Product 1", "quantity": 1, "price": 80.00}]}'`,
});
