import { z } from "zod";
import { MAX_MINOR_AMOUNT } from "@/lib/money/decimal";
import { currencyCode, email, httpUrl, jsonMetadata } from "@/lib/validation/common";
import { localeParam } from "@/lib/i18n/locale-param";

const text = (max: number) => z.string({ error: "must be a string" }).trim().max(max, { error: `must be at most ${max} characters` });

/** As seed 002's merchant server sends it (Go's encoder leaves empty optional fields out). */
export const createIntentBody = z.object({
  amount: z
    .number({ error: "must be an integer number of minor units, such as 9999 for 99.99" })
    .int({ error: "must be an integer in the currency's minor unit (cents): send 9999 for 99.99" })
    .min(1, { error: "must be at least 1" })
    .max(MAX_MINOR_AMOUNT, { error: `must be at most ${MAX_MINOR_AMOUNT}` }),
  currency: currencyCode,
  success_url: httpUrl,
  cancel_url: httpUrl.optional(),
  order_id: text(200).optional(),
  description: text(1000).optional(),
  capture_method: z.enum(["automatic", "manual"], { error: "must be automatic or manual" }).optional(),
  customer_email: email.optional(),
  locale: localeParam().nullish(),
  metadata: jsonMetadata().optional(),
});

export const intentParams = z.object({ id: z.string().min(1).max(64) });

export const listIntentsQuery = z.object({
  limit: z.coerce.number().int().min(1, { error: "must be between 1 and 100" }).max(100, { error: "must be between 1 and 100" }).default(10),
  starting_after: z.string().max(64).optional(),
});

/** The client secret rides in `X-Client-Secret`, or in `?client_secret=` when a header cannot be set. */
export const clientSecretQuery = z.object({ client_secret: z.string().max(128).optional() });

/** What the checkout front end posts: the card with `cvv` and numeric expiry, and maybe the buyer's email. */
export const confirmIntentBody = z.object({
  card: z.object({
    number: z.string({ error: "must be a string of digits" }).max(32),
    cardholder_name: text(200).optional(),
    exp_month: z.number({ error: "must be a number from 1 to 12" }).int({ error: "must be a number from 1 to 12" }),
    exp_year: z.number({ error: "must be a four-digit year" }).int({ error: "must be a four-digit year" }),
    cvv: z.string({ error: "must be a string of digits" }).max(4, { error: "must be 3 or 4 digits" }),
  }),
  customer_email: email.optional(),
});
