import { z } from "zod";
import { expandParam, formAmount, formBoolean, formCurrency, formEmail, formMetadata, formString, listParams, metadataUpdate } from "../params";
import { productDataParam, recurringParam } from "./checkout-sessions";

const emptyOr = <T extends z.ZodType>(schema: T) => z.union([z.literal(""), schema]);

export const createProductBody = z.strictObject({
  id: formString(64).regex(/^[A-Za-z0-9_-]+$/, { error: "may hold letters, digits, - and _ only" }).optional(),
  name: formString(250).min(1, { error: "must not be empty" }),
  description: formString(1000).optional(),
  active: formBoolean.optional(),
  metadata: formMetadata.optional(),
  images: productDataParam.shape.images,
  expand: expandParam,
});

export const updateProductBody = z.strictObject({
  name: formString(250).min(1, { error: "must not be empty" }).optional(),
  description: emptyOr(formString(1000)).optional(),
  active: formBoolean.optional(),
  metadata: metadataUpdate.optional(),
  expand: expandParam,
});

export const listProductsQuery = z.strictObject({ ...listParams, active: formBoolean.optional() });

export const createPriceBody = z
  .strictObject({
    currency: formCurrency,
    unit_amount: formAmount(0),
    product: formString(255).optional(),
    product_data: z.strictObject({ name: formString(250).min(1, { error: "must not be empty" }), metadata: formMetadata.optional() }).optional(),
    recurring: recurringParam.optional(),
    nickname: formString(250).optional(),
    lookup_key: formString(200).optional(),
    active: formBoolean.optional(),
    metadata: formMetadata.optional(),
    expand: expandParam,
  })
  .refine((price) => Boolean(price.product) !== Boolean(price.product_data), { error: "give exactly one of product and product_data", path: ["product"] });

export const updatePriceBody = z.strictObject({
  active: formBoolean.optional(),
  nickname: emptyOr(formString(250)).optional(),
  lookup_key: emptyOr(formString(200)).optional(),
  metadata: metadataUpdate.optional(),
  expand: expandParam,
});

export const listPricesQuery = z.strictObject({
  ...listParams,
  active: formBoolean.optional(),
  product: formString(255).optional(),
});

const customerFields = {
  email: formEmail.optional(),
  name: formString(256).optional(),
  description: formString(350).optional(),
  phone: formString(20).optional(),
};

export const createCustomerBody = z.strictObject({ ...customerFields, metadata: formMetadata.optional(), test_clock: formString(64).optional(), expand: expandParam });
export const updateCustomerBody = z.strictObject({
  email: emptyOr(formEmail).optional(),
  name: emptyOr(formString(256)).optional(),
  description: emptyOr(formString(350)).optional(),
  phone: emptyOr(formString(20)).optional(),
  metadata: metadataUpdate.optional(),
  expand: expandParam,
});
export const listCustomersQuery = z.strictObject({ ...listParams, email: formString(512).optional() });
export const retrieveQuery = z.strictObject({ expand: expandParam });
