import { z } from "zod";
import { intentStatus } from "@/db/schema";
import { CANCELLATION_REASONS } from "@/lib/intents/cancel-intent";
import { MAX_EXPIRY_SECONDS, MIN_EXPIRY_SECONDS } from "@/lib/intents/create-intent";
import { currencyCode, email, httpUrl, lineItem, minorAmount, stringMetadata, text } from "@/lib/validation/common";
import { localeParam } from "@/lib/i18n/locale-param";

// Shared with the dashboard, which accepts the same input: they live with their domain.
export { lineItem, minorAmount, text } from "@/lib/validation/common";
export { createApiKeyBody, createMerchantBody, merchantSettingsBody, registerBody, setAcquirerBody } from "@/lib/accounts/inputs";
export { createWebhookEndpointBody, updateWebhookEndpointBody } from "@/lib/webhooks/inputs";
export { captureIntentBody, createRefundBody } from "@/lib/intents/inputs";
export { advanceTestClockBody, createTestClockBody } from "@/lib/test-clocks/inputs";

export const loginBody = z.strictObject({
  email: z.string({ error: "must be a string" }).min(1),
  password: z.string({ error: "must be a string" }).min(1),
});

export const merchantParams = z.object({ id: z.uuid({ error: "must be a merchant id (a UUID)" }) });
export const apiKeyParams = merchantParams.extend({ key_id: z.uuid({ error: "must be an API key id (a UUID)" }) });
export const intentParams = z.object({ id: z.string().min(1).max(64) });

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
    /** Once paid, the card is charged again every interval_days: a subscription. */
    recurring: z
      .strictObject({ interval_days: z.number().int({ error: "must be a whole number of days" }).min(1, { error: "must be at least 1" }).max(366, { error: "must be at most 366" }) })
      .optional(),
    /** A test clock (test mode): the intent, and any subscription it starts, live on its time. */
    test_clock: z.string({ error: "must be a test clock id" }).min(1).max(64).optional(),
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

export const voidIntentBody = z.strictObject({});

export const listSubscriptionsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1, { error: "must be between 1 and 100" }).max(100, { error: "must be between 1 and 100" }).default(10),
  starting_after: z.string().max(64).optional(),
  status: z.enum(["active", "past_due", "canceled"], { error: "must be active, past_due or canceled" }).optional(),
});

export const simulateIntentParams = z.object({
  id: z.string().min(1).max(64),
  action: z.enum(["succeed", "decline", "require_action", "authenticate", "fail_authentication", "expire"], {
    error: "must be succeed, decline, require_action, authenticate, fail_authentication or expire",
  }),
});
/** A decline code as acquirers send them (ISO 8583's "51", or a word such as "do_not_honor"). */
const declineCode = z.string().regex(/^[A-Za-z0-9_]{1,32}$/, { error: "must be a decline code: letters, digits and _, at most 32" });
export const simulateIntentBody = z.strictObject({ decline_code: declineCode.optional() });
export const failNextRenewalBody = z.strictObject({ decline_code: declineCode.optional() });
