import { SNIPPET_SECRET } from "@/lib/dashboard/snippet";
import type { DialectDefinition } from "../definition";

/** The dashboard's first request to copy for this dialect. */
export const shopSnippet: NonNullable<DialectDefinition["snippet"]> = ({ baseUrl }) => ({
  title: "Create a payment (shop, seed 003)",
  language: "bash",
  code: `curl ${baseUrl}/api/v1/payments \\
  -H "Authorization: Bearer ${SNIPPET_SECRET}" \\
  -H "Content-Type: application/json" \\
  -d '{"amount": 10000, "currency": "usd", "return_url": "https://your-shop.example/orders/1042"}'`,
});
