import { z } from "zod";
import type { NewPaymentLink } from "@/lib/payment-links/create-payment-link";
import { MAX_MINOR_AMOUNT } from "@/lib/money/decimal";
import { currencyCode, httpUrl } from "@/lib/validation/common";
import { lineItem, minorAmount, text } from "@/lib/validation/common";

export const MAX_LINK_QUANTITY = 100;

/**
 * A payment link, in minor units as every native amount: a fixed `amount` (or `line_items` that add
 * up to it), optionally times a quantity the buyer picks up to `max_quantity`; or `custom_amount`,
 * the range a buyer may choose from (a donation, a tip, an invoice of any size).
 */
export const createPaymentLinkBody = z
  .strictObject({
    name: text(200).min(1, { error: "must not be empty" }),
    currency: currencyCode,
    amount: minorAmount.optional(),
    custom_amount: z
      .strictObject({ minimum: minorAmount, maximum: minorAmount })
      .refine((range) => range.minimum <= range.maximum, { error: "minimum must not be more than maximum", path: ["maximum"] })
      .optional(),
    line_items: z.array(lineItem).min(1, { error: "must have at least one item" }).max(100, { error: "can have at most 100 items" }).optional(),
    max_quantity: z
      .number({ error: "must be a whole number" })
      .int({ error: "must be a whole number" })
      .min(1, { error: "must be at least 1" })
      .max(MAX_LINK_QUANTITY, { error: `must be at most ${MAX_LINK_QUANTITY}` })
      .optional(),
    success_url: httpUrl.nullable().optional(),
  })
  .superRefine((body, context) => {
    const issue = (path: string, message: string) => context.addIssue({ code: "custom", path: [path], message });
    const itemsTotal = body.line_items?.reduce((sum, item) => sum + item.quantity * item.unit_amount, 0);
    if (body.custom_amount) {
      if (body.amount !== undefined) issue("amount", "send either amount or custom_amount, not both");
      if (body.max_quantity !== undefined) issue("max_quantity", "applies to a fixed amount only, not to custom_amount");
      // Items priced apart from what the buyer pays would never add up on the checkout or the receipt.
      if (body.line_items !== undefined) issue("line_items", "applies to a fixed amount only, not to custom_amount");
      return;
    }
    const most = (body.amount ?? itemsTotal ?? 0) * (body.max_quantity ?? 1);
    if (most > MAX_MINOR_AMOUNT) {
      issue(body.amount === undefined ? "line_items" : "amount", `the most a buyer can be charged (${most}) is above the limit of ${MAX_MINOR_AMOUNT}`);
    }
    if (body.amount === undefined && itemsTotal === undefined) issue("amount", "is required: send amount, line_items or custom_amount");
    if (body.amount !== undefined && itemsTotal !== undefined && itemsTotal !== body.amount) {
      issue("line_items", `line items add up to ${itemsTotal} but amount is ${body.amount}; they must match`);
    }
    if (body.amount === undefined && itemsTotal === 0) issue("line_items", "must add up to at least 1");
  })
  .transform(
    (body): NewPaymentLink => ({
      name: body.name,
      currency: body.currency,
      price: body.custom_amount
        ? { minAmount: body.custom_amount.minimum, maxAmount: body.custom_amount.maximum }
        : { amount: body.amount ?? body.line_items!.reduce((sum, item) => sum + item.quantity * item.unit_amount, 0), maxQuantity: body.max_quantity ?? null },
      lineItems: (body.line_items ?? []).map((item) => ({ name: item.name, quantity: item.quantity, unitAmount: item.unit_amount })),
      successUrl: body.success_url ?? null,
    }),
  );

export const listPaymentLinksQuery = z.strictObject({
  limit: z.coerce.number().int().min(1, { error: "must be between 1 and 100" }).max(100, { error: "must be between 1 and 100" }).default(10),
  starting_after: z.string().max(64).optional(),
  active: z.enum(["true", "false"], { error: "must be true or false" }).transform((value) => value === "true").optional(),
});
