import { SNIPPET_SECRET } from "@/lib/dashboard/snippet";
import type { DialectDefinition } from "../definition";

/** The dashboard's first request to copy for this dialect. */
export const mutopaySnippet: NonNullable<DialectDefinition["snippet"]> = ({ baseUrl }) => ({
  title: "Create a payment (mutopay, seed 004)",
  language: "bash",
  code: `curl -X POST ${baseUrl}/api/payments \\
  -H "X-API-Key: ${SNIPPET_SECRET}" \\
  -H "Content-Type: application/json" \\
  -d '{"amount_usd": 25.00, "description": "Order #1042", "external_id": "order_1042",
       "callback_url": "https://your-shop.example/thanks"}'`,
});
