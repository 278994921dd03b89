import { z } from "zod";
import { fxRates } from "@/lib/money/fx";
import { currencyCode, decimalInput, email, httpUrl, jsonMetadata } from "@/lib/validation/common";
import { localeParam } from "@/lib/i18n/locale-param";

export const createPaymentBody = z
  .object({
    amount_usd: decimalInput("must be a positive number of US dollars, such as 25.00").optional(),
    amount_original: decimalInput("must be a positive number in the original currency").optional(),
    /** The WooCommerce plugin's form: the order total in `currency`, converted like amount_original unless it is USD. */
    amount: decimalInput("must be a positive number in the given currency").optional(),
    currency: currencyCode.default("USD"),
    description: z.string({ error: "must be a string" }).trim().max(1000, { error: "must be at most 1000 characters" }).optional(),
    external_id: z.string({ error: "must be a string" }).trim().max(200, { error: "must be at most 200 characters" }).optional(),
    callback_url: httpUrl.optional(),
    customer_email: email.optional(),
    locale: localeParam().nullish(),
    expires_at: z.iso.datetime({ offset: true, error: "must be an ISO-8601 date-time such as 2026-04-21T14:30:00Z" }).optional(),
    expires_in_minutes: z
      .number({ error: "must be a whole number of minutes from 15 to 10080" })
      .int({ error: "must be a whole number of minutes from 15 to 10080" })
      .min(15, { error: "must be at least 15 minutes" })
      .max(10080, { error: "must be at most 10080 minutes (7 days)" })
      .optional(),
    metadata: jsonMetadata().optional(),
  })
  .superRefine((body, context) => {
    const issue = (path: string, message: string) => context.addIssue({ code: "custom", path: [path], message });
    const amounts = (["amount_usd", "amount_original", "amount"] as const).filter((field) => body[field] !== undefined);
    if (amounts.length > 1) {
      issue(amounts[0]!, `cannot be sent together with ${amounts[1]}: send one or the other.`);
    } else if (amounts.length === 0) {
      issue("amount_usd", "is required unless amount_original and currency are supplied.");
    } else if (body.amount_usd !== undefined && body.currency !== "USD") {
      issue("currency", "must be USD with amount_usd; use amount_original to price in another currency.");
    } else if (!fxRates()[body.currency]) {
      issue("currency", `has no exchange rate; Kassa converts from ${Object.keys(fxRates()).sort().join(", ")}.`);
    }
    if (body.expires_at !== undefined && body.expires_in_minutes !== undefined) {
      issue("expires_in_minutes", "cannot be sent together with expires_at: send one or the other.");
    }
  });

export const paymentParams = z.object({ id: z.string().min(1).max(64) });

export const connectExchangeBody = z.object({
  token: z.string({ error: "must be the token your shop was sent back with" }).min(1, { error: "must be the token your shop was sent back with" }).max(200),
});
