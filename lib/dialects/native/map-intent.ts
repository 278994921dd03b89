import type { z } from "zod";
import type { NewIntent } from "@/lib/intents/create-intent";
import type { createIntentBody } from "./schemas";

/** Native requests are already in minor units; this only renames to core terms. */
export function toNewIntent(body: z.infer<typeof createIntentBody>): NewIntent {
  return {
    dialect: "native",
    amount: body.amount,
    currency: body.currency,
    description: body.description,
    referenceId: body.reference_id,
    customerEmail: body.customer_email,
    customerName: body.customer_name,
    locale: body.locale,
    lineItems: body.line_items?.map((item) => ({ name: item.name, quantity: item.quantity, unitAmount: item.unit_amount })),
    metadata: body.metadata,
    uiMode: body.ui_mode,
    captureMethod: body.capture_method,
    successUrl: body.success_url,
    cancelUrl: body.cancel_url,
    expiresInSeconds: body.expires_in,
    recurringIntervalDays: body.recurring?.interval_days ?? null,
    testClockId: body.test_clock ?? null,
  };
}
