import { z } from "zod";
import { intentStatus } from "@/db/schema";
import { WEBHOOK_EVENT_TYPES } from "@/lib/events/event-types";
import { CANCELLATION_REASONS } from "@/lib/intents/cancel-intent";
import { REFUND_REASONS } from "@/lib/intents/refund-intent";
import { MAX_EXPIRY_SECONDS, MIN_EXPIRY_SECONDS } from "@/lib/intents/create-intent";
import { MAX_MINOR_AMOUNT } from "@/lib/money/decimal";
import { allowedOrigins, currencyCode, email, httpUrl, stringMetadata } from "@/lib/validation/common";
import { localeParam } from "@/lib/i18n/locale-param";

export const text = (max: number) => z.string({ error: "must be a string" }).trim().max(max, { error: `must be at most ${max} characters` });

export const registerBody = z.strictObject({
  email,
  password: z.string({ error: "must be a string" }),
  name: text(200).min(1, { error: "must not be empty" }),
});

export const loginBody = z.strictObject({
  email: z.string({ error: "must be a string" }).min(1),
  password: z.string({ error: "must be a string" }).min(1),
});

export const createMerchantBody = z.strictObject({ name: text(200).min(1, { error: "must not be empty" }) });

export const merchantSettingsBody = z.strictObject({
  name: text(200).min(1, { error: "must not be empty" }).optional(),
  display_name: text(200).nullable().optional(),
  brand_color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, { error: "must be a hex colour such as #4f46e5" })
    .nullable()
    .optional(),
  logo_url: httpUrl.nullable().optional(),
  allowed_origins: allowedOrigins.optional(),
  minimum_amounts: z
    .record(
      currencyCode,
      z.number({ error: "must be an integer number of minor units" }).int({ error: "must be an integer number of minor units" }).min(0).max(MAX_MINOR_AMOUNT),
      { error: "must be an object of currency codes and minimum amounts in minor units, such as {\"USD\": 500}" },
    )
    .optional(),
  /** Whether buyers get a receipt by email when a payment succeeds or is refunded. */
  receipts_enabled: z.boolean({ error: "must be true or false" }).optional(),
  /** Suspending stops every API key and checkout of the merchant until it is active again. */
  status: z.enum(["active", "suspended"], { error: "must be active or suspended" }).optional(),
});

export const createApiKeyBody = z.strictObject({ label: text(100).nullable().optional() });

export const merchantParams = z.object({ id: z.uuid({ error: "must be a merchant id (a UUID)" }) });
export const apiKeyParams = merchantParams.extend({ key_id: z.uuid({ error: "must be an API key id (a UUID)" }) });
export const intentParams = z.object({ id: z.string().min(1).max(64) });

/** Integer minor units; 99.99 is the classic mistake, so the message says what to send instead. */
export const minorAmount = z
  .number({ error: "must be an integer number of minor units, such as 9999 for 99.99 USD" })
  .int({ error: "amounts are integers in the currency's minor unit (cents): send 9999 for 99.99, not 99.99" })
  .min(1, { error: "must be at least 1" })
  .max(MAX_MINOR_AMOUNT, { error: `must be at most ${MAX_MINOR_AMOUNT}` });

export const lineItem = z.strictObject({
  name: text(200).min(1, { error: "must not be empty" }),
  quantity: z.number().int({ error: "must be a whole number" }).min(1).max(10_000),
  unit_amount: z.number().int({ error: "must be an integer number of minor units" }).min(0).max(MAX_MINOR_AMOUNT),
});

export const createIntentBody = z
  .strictObject({
    amount: minorAmount,
    currency: currencyCode,
    success_url: httpUrl,
    cancel_url: httpUrl,
    description: text(1000).nullable().optional(),
    reference_id: text(200).nullable().optional(),
    customer_email: email.nullable().optional(),
    customer_name: text(200).nullable().optional(),
    locale: localeParam().nullable().optional(),
    line_items: z.array(lineItem).max(100, { error: "can have at most 100 items" }).optional(),
    metadata: stringMetadata.optional(),
    ui_mode: z.enum(["hosted", "embedded"], { error: "must be hosted or embedded" }).optional(),
    capture_method: z.enum(["automatic", "manual"], { error: "must be automatic or manual" }).optional(),
    expires_in: z
      .number()
      .int({ error: "must be a whole number of seconds" })
      .min(MIN_EXPIRY_SECONDS, { error: `must be at least ${MIN_EXPIRY_SECONDS} seconds` })
      .max(MAX_EXPIRY_SECONDS, { error: `must be at most ${MAX_EXPIRY_SECONDS} seconds (7 days)` })
      .optional(),
  })
  .superRefine((body, context) => {
    if (!body.line_items?.length) return;
    const total = body.line_items.reduce((sum, item) => sum + item.quantity * item.unit_amount, 0);
    if (total !== body.amount) {
      context.addIssue({
        code: "custom",
        path: ["line_items"],
        message: `line items add up to ${total} but amount is ${body.amount}; they must match`,
      });
    }
  });

export const listIntentsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1, { error: "must be between 1 and 100" }).max(100, { error: "must be between 1 and 100" }).default(10),
  starting_after: z.string().max(64).optional(),
  status: z.enum(intentStatus.enumValues, { error: `must be one of ${intentStatus.enumValues.join(", ")}` }).optional(),
});

export const cancelIntentBody = z.strictObject({
  cancellation_reason: z.enum(CANCELLATION_REASONS).nullable().optional(),
});

export const confirmIntentBody = z.strictObject({
  client_secret: z.string({ error: "is required" }).max(128),
  card: z.strictObject({
    number: z.string({ error: "must be a string of digits" }).max(32),
    exp_month: z.number({ error: "must be a number from 1 to 12" }).int(),
    exp_year: z.number({ error: "must be a four-digit year" }).int(),
    cvc: z.string({ error: "must be a string of digits" }).max(4, { error: "must be 3 or 4 digits" }),
    name: text(200).nullable().optional(),
  }),
  /** The checkout's own field: where the buyer wants the receipt, when the merchant gave no email. */
  customer_email: email.nullable().optional(),
});

const eventTypes = z
  .array(z.enum(WEBHOOK_EVENT_TYPES, { error: `must be event types from: ${WEBHOOK_EVENT_TYPES.join(", ")}` }))
  .max(WEBHOOK_EVENT_TYPES.length)
  .transform((types) => [...new Set(types)]);

export const createWebhookEndpointBody = z.strictObject({
  url: httpUrl,
  events: eventTypes.optional(),
  enabled: z.boolean({ error: "must be true or false" }).optional(),
  description: text(200).nullable().optional(),
});

export const updateWebhookEndpointBody = createWebhookEndpointBody.partial();

export const rotateSecretBody = z.strictObject({
  grace_period_seconds: z
    .number()
    .int({ error: "must be a whole number of seconds" })
    .min(0)
    .max(7 * 24 * 3600, { error: "must be at most 604800 (7 days)" })
    .optional(),
});

export const redeliverBody = z.strictObject({ endpoint_id: z.string().max(64).optional() });
export const objectParams = z.object({ id: z.string().min(1).max(64) });

const positiveMinor = (what: string) =>
  z
    .number({ error: `must be an integer number of minor units` })
    .int({ error: `${what} is an integer in the currency's minor unit (cents): send 500 for 5.00` })
    .min(1, { error: "must be at least 1" })
    .max(MAX_MINOR_AMOUNT);

export const captureIntentBody = z.strictObject({ amount_to_capture: positiveMinor("amount_to_capture").optional() });
export const voidIntentBody = z.strictObject({});
export const createRefundBody = z.strictObject({
  amount: positiveMinor("amount").optional(),
  reason: z.enum(REFUND_REASONS, { error: `must be one of ${REFUND_REASONS.join(", ")}` }).nullable().optional(),
});

export const listSubscriptionsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1, { error: "must be between 1 and 100" }).max(100, { error: "must be between 1 and 100" }).default(10),
  starting_after: z.string().max(64).optional(),
  status: z.enum(["active", "past_due", "canceled"], { error: "must be active, past_due or canceled" }).optional(),
});
