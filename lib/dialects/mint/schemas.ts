import { z } from "zod";
import { MAX_EXPIRY_SECONDS } from "@/lib/intents/create-intent";
import { currencyExponent } from "@/lib/money/currencies";
import { currencyCode, decimalInput, httpUrl, minorOrIssue } from "@/lib/validation/common";
import { localeParam } from "@/lib/i18n/locale-param";

const text = (max: number) => z.string({ error: "must be a string" }).trim().max(max, { error: `must be at most ${max} characters` });
const standardAmount = decimalInput("must be a number in standard units, such as 49 for 49.00");

const lineItem = z.object({
  name: text(200).min(1, { error: "must not be empty" }),
  quantity: z.number({ error: "must be a whole number" }).int({ error: "must be a whole number" }).min(1).max(10_000).default(1),
  price: standardAmount,
});

/** Seed 000's request: amount in standard units (49 = 49.00 USD), references of the merchant's own. */
export const createPaymentBody = z
  .object({
    checkout_id: text(64).optional(),
    currency: currencyCode,
    amount: standardAmount,
    order_id: text(200).optional(),
    customer_id: text(200).optional(),
    locale: localeParam().nullish(),
    description: text(1000).optional(),
    return_url: httpUrl.optional(),
    metadata: z
      .record(z.string(), z.unknown(), { error: "must be an object" })
      .refine((value) => JSON.stringify(value).length <= 8_192, { error: "must be at most 8 KB as JSON" })
      .optional(),
    line_items: z.array(lineItem, { error: "must be a list of items" }).max(100, { error: "can have at most 100 items" }).optional(),
    expires_in: z.number().int().min(10).max(MAX_EXPIRY_SECONDS).optional(),
  })
  .transform((body, context) => {
    const asIs = (reason: string) => reason;
    const amount = minorOrIssue(context, body.amount, body.currency, ["amount"], asIs);
    const prices = (body.line_items ?? []).map(
      (item, index) => minorOrIssue(context, item.price, body.currency, ["line_items", index, "price"], asIs) ?? 0,
    );
    if (amount !== undefined && amount < 1) {
      context.addIssue({ code: "custom", path: ["amount"], message: `must be at least ${1 / 10 ** currencyExponent(body.currency)}` });
    }
    const items = (body.line_items ?? []).reduce((sum, item, index) => sum + item.quantity * prices[index]!, 0);
    if (amount !== undefined && items > amount) {
      context.addIssue({ code: "custom", path: ["line_items"], message: "line items add up to more than the amount" });
    }
    return { ...body, minor: { amount: amount ?? 0, prices } };
  });

export { createCheckoutBody } from "@/lib/accounts/inputs";

export const paymentParams = z.object({ id: z.string().min(1).max(64) });
