import type { z } from "zod";
import type { NewIntent } from "@/lib/intents/create-intent";
import type { createIntentBody } from "./schemas";

/** Already in minor units; `order_id` is the merchant's reference. */
export function toNewIntent(body: z.infer<typeof createIntentBody>): NewIntent {
  return {
    dialect: "gateway",
    amount: body.amount,
    currency: body.currency,
    description: body.description ?? null,
    referenceId: body.order_id ?? null,
    customerEmail: body.customer_email ?? null,
    locale: body.locale ?? null,
    metadata: body.metadata ?? {},
    captureMethod: body.capture_method,
    successUrl: body.success_url,
    cancelUrl: body.cancel_url ?? null,
  };
}
