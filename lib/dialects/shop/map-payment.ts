import type { z } from "zod";
import type { NewIntent } from "@/lib/intents/create-intent";
import type { createPaymentBody } from "./schemas";

export function toNewIntent(body: z.infer<typeof createPaymentBody>): NewIntent {
  return {
    dialect: "shop",
    amount: body.amount,
    currency: body.currency,
    customerEmail: body.customer_email ?? null,
    locale: body.locale ?? null,
    customerName: body.customer_name ?? null,
    metadata: body.metadata ?? {},
    // The buyer goes back to return_url however the payment ends.
    successUrl: body.return_url,
    cancelUrl: body.return_url,
  };
}
