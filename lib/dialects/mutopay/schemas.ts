import { z } from "zod";
import { fxRates } from "@/lib/money/fx";
import { currencyCode, decimalInput, email, httpUrl } from "@/lib/validation/common";

const MAX_METADATA_BYTES = 4 * 1024;

export const createPaymentBody = z
  .object({
    amount_usd: decimalInput("must be a positive number of US dollars, such as 25.00").optional(),
    amount_original: decimalInput("must be a positive number in the original currency").optional(),
    currency: currencyCode.default("USD"),
    description: z.string({ error: "must be a string" }).trim().max(1000, { error: "must be at most 1000 characters" }).optional(),
    external_id: z.string({ error: "must be a string" }).trim().max(200, { error: "must be at most 200 characters" }).optional(),
    callback_url: httpUrl.optional(),
    customer_email: email.optional(),
    expires_at: z.iso.datetime({ offset: true, error: "must be an ISO-8601 date-time such as 2026-04-21T14:30:00Z" }).optional(),
    metadata: z
      .record(z.string(), z.unknown(), { error: "must be an object" })
      .refine((value) => Buffer.byteLength(JSON.stringify(value)) <= MAX_METADATA_BYTES, { error: "must be at most 4 KB as JSON" })
      .optional(),
  })
  .superRefine((body, context) => {
    const issue = (path: string, message: string) => context.addIssue({ code: "custom", path: [path], message });
    if (body.amount_usd !== undefined && body.amount_original !== undefined) {
      issue("amount_usd", "cannot be sent together with amount_original: send one or the other.");
    } else if (body.amount_usd === undefined && body.amount_original === undefined) {
      issue("amount_usd", "is required unless amount_original and currency are supplied.");
    } else if (body.amount_usd !== undefined && body.currency !== "USD") {
      issue("currency", "must be USD with amount_usd; use amount_original to price in another currency.");
    } else if (!fxRates()[body.currency]) {
      issue("currency", `has no exchange rate; Kassa converts from ${Object.keys(fxRates()).sort().join(", ")}.`);
    }
  });

export const paymentParams = z.object({ id: z.string().min(1).max(64) });
