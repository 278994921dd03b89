import { z } from "zod";
import { email, httpUrl } from "@/lib/validation/common";
import { localeParam } from "@/lib/i18n/locale-param";

const MAX_METADATA_BYTES = 5 * 1024;

/** Seed 003's metadata: at most 50 string keys, values strings, numbers or booleans, 5 KB in all. */
const metadata = z
  .record(z.string(), z.union([z.string(), z.number(), z.boolean()], { error: "values must be strings, numbers or booleans" }), {
    error: "must be an object",
  })
  .refine((value) => Object.keys(value).length <= 50, { error: "can have at most 50 keys" })
  .refine((value) => Buffer.byteLength(JSON.stringify(value)) <= MAX_METADATA_BYTES, { error: "must be at most 5 KB in total" });

export const createPaymentBody = z.object({
  amount: z
    .number({ error: "must be an integer number of cents" })
    .int({ error: "must be an integer number of cents, such as 1099 for $10.99" })
    .min(50, { error: "must be at least 50 cents" })
    .max(99_999_999, { error: "must be at most 99999999 cents" }),
  currency: z
    .string({ error: "must be a string" })
    .refine((code) => code.toLowerCase() === "usd", { error: 'is not supported: only "usd" is' })
    .transform(() => "USD"),
  return_url: httpUrl,
  customer_email: email.optional(),
  locale: localeParam().nullish(),
  customer_name: z.string({ error: "must be a string" }).trim().max(200, { error: "must be at most 200 characters" }).optional(),
  metadata: metadata.optional(),
});

export const paymentParams = z.object({ id: z.string().min(1).max(64) });
