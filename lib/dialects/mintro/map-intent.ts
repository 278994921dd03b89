import type { z } from "zod";
import type { NewIntent } from "@/lib/intents/create-intent";
import type { createIntentBody } from "./schemas";

/** mintro's intent in core terms: decimals already exact minor units, iframe → embedded. */
export function toNewIntent(body: z.infer<typeof createIntentBody>): NewIntent {
  return {
    dialect: "mintro",
    amount: body.minor.amount,
    currency: body.currency,
    taxAmount: body.minor.tax,
    discountAmount: body.minor.discount,
    customerEmail: body.email,
    customerName: body.name,
    locale: body.locale ?? null,
    referenceId: body.reference_id,
    lineItems: body.order_items.map((item, index) => ({ name: item.name, quantity: item.quantity, unitAmount: body.minor.prices[index]! })),
    metadata: body.metadata ?? {},
    dialectData: { customer_ref_id: body.customer_ref_id ?? null },
    uiMode: body.integration_type === "iframe" ? "embedded" : "hosted",
    successUrl: body.success_url ?? null,
    cancelUrl: body.cancel_url ?? null,
    recurringIntervalDays: body.intent_type === "recurring" ? body.interval_days! : null,
  };
}

/** mintro's paths say {uuid}; accept the bare UUID as well as the `pi_`-prefixed id it returns. */
export function intentIdFromPath(id: string): string {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) ? `pi_${id.toLowerCase()}` : id;
}

export function subscriptionIdFromPath(id: string): string {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) ? `sub_${id.toLowerCase()}` : id;
}
