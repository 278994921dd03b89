import { z } from "zod";
import type { JsonPatch } from "@/db/json-patch";
import { AppError } from "@/lib/errors/app-error";
import { MAX_MINOR_AMOUNT } from "@/lib/money/decimal";
import { currencyCode, isHttpUrl } from "@/lib/validation/common";

/*
 * Every value of a Stripe request arrives as a string (lib/dialects/stripe/form.ts); these say what
 * each must be, with Stripe's own words for what is wrong.
 */

export const formString = (max: number) => z.string({ error: "must be a string" }).max(max, { error: `must be at most ${max} characters` });

export const formInteger = (min: number, max: number) =>
  z
    .string({ error: "must be an integer" })
    .regex(/^-?\d{1,16}$/, { error: "must be an integer" })
    .transform(Number)
    .pipe(z.number().min(min, { error: `must be at least ${min}` }).max(max, { error: `must be at most ${max}` }));

/** An amount in the currency's minor unit, as Stripe takes it. */
export const formAmount = (min = 1) => formInteger(min, MAX_MINOR_AMOUNT);

export const formBoolean = z.enum(["true", "false"], { error: "must be a boolean (true or false)" }).transform((value) => value === "true");

export const formUrl = z.string({ error: "must be a URL" }).max(2048).refine(isHttpUrl, { error: "must be an http or https URL" });

/** Unix seconds, as every Stripe time is. */
export const formTimestamp = formInteger(0, 32_503_680_000);

/** A currency Kassa knows the minor unit of, in Stripe's lower case or not. */
export const formCurrency = currencyCode;

export const formEmail = z.email({ error: "must be a valid email address" }).max(254);

/** `{"0": a, "1": b}` (from `x[0]=a&x[1]=b` or `x[]=a&x[]=b`) as [a, b], in index order. */
export function formArray<T extends z.ZodType>(item: T, max: number) {
  return z.preprocess(
    (value) => {
      if (!value || typeof value !== "object" || Array.isArray(value)) return value;
      const entries = Object.entries(value);
      if (!entries.every(([key]) => /^\d+$/.test(key))) return value;
      return entries.sort(([a], [b]) => Number(a) - Number(b)).map(([, child]) => child);
    },
    z.array(item, { error: "must be a list" }).max(max, { error: `can have at most ${max} items` }),
  );
}

/** Stripe's metadata: up to 50 keys of at most 40 characters, values of at most 500. */
export const formMetadata = z
  .record(formString(40), formString(500), { error: "must be a hash of keys and string values" })
  .refine((value) => Object.keys(value).length <= 50, { error: "can have at most 50 keys" });

/** On an update, an empty value unsets a key and an empty string clears all of it. */
export const metadataUpdate = z.union([z.literal(""), formMetadata]);

/** A metadata update as Stripe applies it, for the database to apply in one statement (db/json-patch.ts). */
export function metadataPatch(update: z.infer<typeof metadataUpdate> | undefined): JsonPatch | undefined {
  if (update === undefined) return undefined;
  if (update === "") return { replace: {} };
  const entries = Object.entries(update);
  return { set: Object.fromEntries(entries.filter(([, value]) => value !== "")), unset: entries.filter(([, value]) => value === "").map(([key]) => key) };
}

export const expandParam = formArray(formString(200), 20).optional();

/** limit, starting_after, ending_before and expand, as every Stripe list takes them. */
export const listParams = {
  limit: formInteger(1, 100).optional(),
  starting_after: formString(255).optional(),
  ending_before: formString(255).optional(),
  expand: expandParam,
};

export const idParams = z.object({ id: z.string().min(1).max(255) });

/** Stripe takes one cursor at a time. */
export function oneCursor(query: { starting_after?: string; ending_before?: string }): void {
  if (query.starting_after && query.ending_before) {
    throw new AppError("parameter_invalid", "You may only specify one of these parameters: starting_after, ending_before.", { param: "ending_before" });
  }
}
