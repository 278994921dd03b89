import { z } from "zod";
import { MAX_MINOR_AMOUNT } from "@/lib/money/decimal";
import { isCurrency } from "@/lib/money/currencies";
import { decimalToMinor } from "@/lib/money/decimal";

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** The exact origin a browser reports for a page: scheme, host and port, nothing after. */
export function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.origin === value;
  } catch {
    return false;
  }
}

export const httpUrl = z
  .string({ error: "must be a URL" })
  .max(2048, { error: "must be at most 2048 characters" })
  .refine(isHttpUrl, { error: "must be an absolute http:// or https:// URL" });

export const currencyCode = z
  .string({ error: "must be a three-letter ISO 4217 currency code" })
  .refine((code) => /^[A-Za-z]{3}$/.test(code) && isCurrency(code), {
    error: "must be a supported three-letter ISO 4217 currency code, such as USD",
  })
  .transform((code) => code.toUpperCase());

export const email = z.email({ error: "must be a valid email address" }).max(254);

/** Stripe's metadata rules: up to 50 string keys of 40 characters, values up to 500. */
export const stringMetadata = z
  .record(z.string().max(40, { error: "metadata keys must be at most 40 characters" }), z.string({ error: "metadata values must be strings" }).max(500, { error: "metadata values must be at most 500 characters" }), {
    error: "must be an object of string keys and string values",
  })
  .refine((value) => Object.keys(value).length <= 50, { error: "can have at most 50 keys" });

/** Any JSON object the merchant wants echoed back, up to a size limit (4 KB by default). */
export function jsonMetadata(maxBytes = 4 * 1024) {
  return z
    .record(z.string(), z.unknown(), { error: "must be an object" })
    .refine((value) => Buffer.byteLength(JSON.stringify(value)) <= maxBytes, { error: `must be at most ${maxBytes / 1024} KB as JSON` });
}

export const allowedOrigins = z
  .array(z.string().refine(isOrigin, { error: "must be an origin such as https://shop.example.com, with no path" }))
  .max(20, { error: "can list at most 20 origins" });

/** A decimal amount as a JSON number or a numeric string ("80", 80.5, "80.50"); parsed exactly later. */
export function decimalInput(message: string) {
  return z.union(
    [z.number({ error: message }).nonnegative({ error: message }), z.string({ error: message }).trim().regex(/^\d+(\.\d+)?$/, { error: message })],
    { error: message },
  );
}

/** Validates a decimal against its currency and returns minor units, or adds an issue at `path`. */
export function minorOrIssue(
  context: z.RefinementCtx,
  value: number | string | null | undefined,
  currency: string,
  path: (string | number)[],
  describe: (reason: string) => string,
): number | undefined {
  if (value === undefined || value === null) return undefined;
  const parsed = decimalToMinor(value, currency);
  if (parsed.ok) return parsed.minor;
  context.addIssue({ code: "custom", path, message: describe(parsed.reason) });
  return undefined;
}

/** A trimmed string of at most `max` characters. */
export const text = (max: number) => z.string({ error: "must be a string" }).trim().max(max, { error: `must be at most ${max} characters` });

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
