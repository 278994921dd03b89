import { z } from "zod";
import { expandParam, formAmount, formArray, formCurrency, formEmail, formInteger, formMetadata, formString, formTimestamp, formUrl, listParams } from "../params";

export const recurringParam = z.strictObject({
  interval: z.enum(["day", "week", "month", "year"], { error: "must be day, week, month or year" }),
  interval_count: formInteger(1, 365).optional(),
});

export const productDataParam = z.strictObject({
  name: formString(250).min(1, { error: "must not be empty" }),
  description: formString(1000).optional(),
  metadata: formMetadata.optional(),
  images: formArray(formUrl, 8).optional(),
});

const priceData = z
  .strictObject({
    currency: formCurrency,
    unit_amount: formAmount(0),
    product: formString(255).optional(),
    product_data: productDataParam.optional(),
    recurring: recurringParam.optional(),
  })
  .refine((price) => Boolean(price.product) !== Boolean(price.product_data), { error: "give exactly one of product and product_data", path: ["product"] });

const lineItem = z
  .strictObject({
    price: formString(255).optional(),
    price_data: priceData.optional(),
    quantity: formInteger(1, 10_000).optional(),
  })
  .refine((item) => Boolean(item.price) !== Boolean(item.price_data), { error: "give exactly one of price and price_data", path: ["price"] });

const captureMethod = z.enum(["automatic", "automatic_async", "manual"], { error: "must be automatic, automatic_async or manual" });

export const createSessionBody = z.strictObject({
  mode: z.enum(["payment", "subscription", "setup"], { error: "must be payment, subscription or setup" }),
  line_items: formArray(lineItem, 100).optional(),
  success_url: formUrl.optional(),
  cancel_url: formUrl.optional(),
  return_url: formUrl.optional(),
  ui_mode: z.enum(["hosted", "embedded"], { error: "must be hosted or embedded" }).optional(),
  customer: formString(255).optional(),
  customer_email: formEmail.optional(),
  client_reference_id: formString(200).optional(),
  metadata: formMetadata.optional(),
  locale: formString(16).optional(),
  expires_at: formTimestamp.optional(),
  payment_method_types: formArray(z.literal("card", { error: "must be card: Kassa takes cards only" }), 1).optional(),
  payment_intent_data: z
    .strictObject({
      capture_method: captureMethod.optional(),
      description: formString(1000).optional(),
      metadata: formMetadata.optional(),
      receipt_email: formEmail.optional(),
    })
    .optional(),
  subscription_data: z.strictObject({ description: formString(500).optional(), metadata: formMetadata.optional() }).optional(),
  expand: expandParam,
});

export const retrieveSessionQuery = z.strictObject({ expand: expandParam });

export const listSessionsQuery = z.strictObject({
  ...listParams,
  payment_intent: formString(255).optional(),
  customer: formString(255).optional(),
});

export const expireSessionBody = z.strictObject({ expand: expandParam });
export const lineItemsQuery = z.strictObject(listParams);

