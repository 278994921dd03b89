import { SNIPPET_SECRET } from "@/lib/dashboard/snippet";
import type { DialectDefinition } from "../definition";

/** The dashboard's first request to copy for this dialect. */
export const nativeSnippet: NonNullable<DialectDefinition["snippet"]> = ({ baseUrl }) => ({
  title: "Create a payment intent (native, seed 002)",
  language: "bash",
  code: `curl ${baseUrl}/api/v1/payment-intents \\
  -H "Authorization: Bearer ${SNIPPET_SECRET}" \\
  -H "Idempotency-Key: order-1042" \\
  -H "Content-Type: application/json" \\
  -d '{"amount": 9999, "currency": "USD",
       "success_url": "https://your-shop.example/thanks?session={CHECKOUT_SESSION_ID}",
       "cancel_url": "https://your-shop.example/cart"}'`,
});
