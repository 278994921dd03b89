import { z } from "zod";
import { currencyExponent, isCurrency } from "@/lib/money/currencies";
import { decimalInput, isHttpUrl, minorOrIssue } from "@/lib/validation/common";
import { localeParam } from "@/lib/i18n/locale-param";
import { LOCALES } from "@/lib/i18n/locales";

// Messages carry Laravel's :attribute placeholder; the dialect fills in the field's name.
const str = (max: number) =>
  z.string({ error: "The :attribute must be a string." }).trim().max(max, { error: `The :attribute must not be greater than ${max} characters.` });
const url = z.string({ error: "The :attribute must be a string." }).refine(isHttpUrl, { error: "The :attribute must be a valid URL." });
const integer = z.preprocess(
  (value) => (typeof value === "string" && /^\d+$/.test(value.trim()) ? Number(value) : value),
  z.number({ error: "The :attribute must be an integer." }).int({ error: "The :attribute must be an integer." }),
);
const amount = decimalInput("The :attribute must be a number.");

const orderItem = z.object({
  name: str(255).min(1, { error: "The :attribute field is required." }),
  quantity: integer.pipe(z.number().min(1, { error: "The :attribute must be at least 1." }).max(10_000, { error: "The :attribute must not be greater than 10000." })),
  price: amount,
});

const fields = z.object({
  amount,
  currency: z
    .string({ error: "The :attribute must be a string." })
    .refine((code) => /^[A-Za-z]{3}$/.test(code) && isCurrency(code), { error: "The :attribute must be a valid ISO 4217 currency code." })
    .transform((code) => code.toUpperCase()),
  intent_type: z.enum(["one_time", "recurring"], { error: "The selected :attribute is invalid." }),
  interval_days: integer.pipe(z.number().min(1, { error: "The :attribute must be at least 1." }).max(3650, { error: "The :attribute must not be greater than 3650." })).nullish(),
  email: z.email({ error: "The :attribute must be a valid email address." }).max(254, { error: "The :attribute must not be greater than 254 characters." }),
  name: str(200).min(1, { error: "The :attribute field is required." }),
  reference_id: str(100).regex(/^[a-zA-Z0-9_-]+$/, { error: "The :attribute format is invalid." }),
  customer_ref_id: str(100).nullish(),
  locale: localeParam(`The :attribute must be auto or one of ${LOCALES.join(", ")}.`).nullish(),
  order_items: z.array(orderItem, { error: "The :attribute must be an array." }).min(1, { error: "The :attribute field is required." }).max(100, { error: "The :attribute must not have more than 100 items." }),
  integration_type: z.enum(["iframe", "url"], { error: "The selected :attribute is invalid." }),
  success_url: url.nullish(),
  cancel_url: url.nullish(),
  tax: amount.nullish(),
  discount: amount.nullish(),
  metadata: z
    .record(z.string(), z.unknown(), { error: "The :attribute must be an array." })
    .refine((value) => JSON.stringify(value).length <= 16_384, { error: "The :attribute must not be greater than 16 kilobytes." })
    .nullish(),
});

export type MintroAmounts = { amount: number; tax: number; discount: number; prices: number[] };

/**
 * Seed 001's create-intent rules, plus the ones a careful reader adds: amounts in the currency's
 * precision, and an amount that covers the order (items + tax − discount). A larger amount is
 * allowed, as in the seed's own example (80.00 for a 50.00 item): the checkout shows the difference
 * as other charges.
 */
export const createIntentBody = fields.transform((body, context) => {
  if (body.intent_type === "recurring" && body.interval_days == null) {
    context.addIssue({ code: "custom", path: ["interval_days"], message: "The :attribute field is required when intent type is recurring." });
  }
  if (body.integration_type === "url") {
    for (const field of ["success_url", "cancel_url"] as const) {
      if (!body[field]) context.addIssue({ code: "custom", path: [field], message: "The :attribute field is required when integration type is url." });
    }
  }
  const places = (reason: string) =>
    reason.includes("decimal places") || reason.includes("no minor unit")
      ? `The :attribute must not have more than ${currencyExponent(body.currency)} decimal places.`
      : reason.includes("too large")
        ? "The :attribute is too large."
        : "The :attribute must be a number.";
  const minor = {
    amount: minorOrIssue(context, body.amount, body.currency, ["amount"], places),
    tax: minorOrIssue(context, body.tax, body.currency, ["tax"], places) ?? 0,
    discount: minorOrIssue(context, body.discount, body.currency, ["discount"], places) ?? 0,
    prices: body.order_items.map((item, index) => minorOrIssue(context, item.price, body.currency, ["order_items", index, "price"], places) ?? 0),
  };
  const unit = 10 ** currencyExponent(body.currency);
  const items = body.order_items.reduce((sum, item, index) => sum + item.quantity * minor.prices[index]!, 0);
  if (minor.amount !== undefined && minor.amount < unit) {
    context.addIssue({ code: "custom", path: ["amount"], message: "The :attribute must be at least 1." });
  } else if (minor.discount > items + minor.tax) {
    context.addIssue({ code: "custom", path: ["discount"], message: "The :attribute must not be greater than the order items plus tax." });
  } else if (minor.amount !== undefined && minor.amount < items + minor.tax - minor.discount) {
    context.addIssue({
      code: "custom",
      path: ["amount"],
      message: "The :attribute must be at least the order total (order items + tax − discount).",
    });
  }
  return { ...body, minor: minor as MintroAmounts };
});

export const intentIdParams = z.object({ id: z.string().min(1).max(64) });
export const referenceParams = z.object({ reference_id: z.string().min(1).max(100) });
