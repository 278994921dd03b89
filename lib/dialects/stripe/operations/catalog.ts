import type { DialectObject } from "@/db/schema";
import { createDialectObject } from "@/lib/dialect-objects/create-dialect-object";
import { getDialectObject } from "@/lib/dialect-objects/get-dialect-object";
import { listDialectObjects } from "@/lib/dialect-objects/list-dialect-objects";
import { updateDialectObject } from "@/lib/dialect-objects/update-dialect-object";
import { isUniqueViolation } from "@/db/errors";
import { AppError } from "@/lib/errors/app-error";
import { getTestClock } from "@/lib/test-clocks/get-test-clock";
import { expansions } from "../expand";
import { newObjectId } from "../ids";
import { idParams, metadataPatch, oneCursor } from "../params";
import { renderCustomer, renderProduct, renderStoredPrice, type CustomerData, type PriceData, type ProductData } from "../render/catalog";
import { list } from "../render/common";
import * as schemas from "../schemas/catalog";
import { ok, stripeOperation } from "./route";

/*
 * Products, Prices and Customers: objects with no money of their own, kept as Stripe shows them
 * (lib/dialect-objects). Checkout Sessions read their prices and names from them.
 */

const DIALECT = "stripe";
const noExpansions = (expand: string[] | undefined, list = false) => expansions(expand, [], { list });
/** An empty string clears a field, as on Stripe; absent leaves it. */
const cleared = <T>(value: T | "" | undefined): T | null | undefined => (value === "" ? null : value);
const defined = (changes: Record<string, unknown>) => Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));

function listRoute<Q extends { limit?: number; starting_after?: string; ending_before?: string; expand?: string[] }>(
  type: string,
  url: string,
  query: import("zod").ZodType<Q>,
  render: (object: DialectObject) => unknown,
  matching: (query: Q) => Record<string, unknown>,
) {
  return stripeOperation({
    query,
    handle: async ({ db, auth, query: asked }) => {
      oneCursor(asked);
      noExpansions(asked.expand, true);
      const page = await listDialectObjects(db, auth.owner, DIALECT, type, { limit: asked.limit ?? 10, startingAfter: asked.starting_after, endingBefore: asked.ending_before }, matching(asked));
      return ok(list(url, page.items.map(render), page.hasMore));
    },
  });
}

function retrieveRoute(type: string, render: (object: DialectObject) => unknown) {
  return stripeOperation({
    params: idParams,
    query: schemas.retrieveQuery,
    handle: async ({ db, auth, params, query }) => {
      noExpansions(query.expand);
      return ok(render(await getDialectObject(db, auth.owner, DIALECT, type, params.id)));
    },
  });
}

export const createProduct = stripeOperation({
  body: schemas.createProductBody,
  handle: async ({ db, auth, body }) => {
    noExpansions(body.expand);
    const data: ProductData = { name: body.name, description: body.description ?? null, active: body.active ?? true, images: body.images ?? [], metadata: body.metadata ?? {} };
    const id = body.id ?? newObjectId("prod");
    const product = await createDialectObject(db, auth.owner, { id, dialect: DIALECT, type: "product", data }).catch((error: unknown) => {
      throw isUniqueViolation(error, "dialect_objects_merchant_id_id_pk") ? new AppError("parameter_invalid", `Product already exists: '${id}'.`, { param: "id" }) : error;
    });
    return ok(renderProduct(product));
  },
});

export const updateProduct = stripeOperation({
  params: idParams,
  body: schemas.updateProductBody,
  handle: async ({ db, auth, params, body }) => {
    noExpansions(body.expand);
    const changes = defined({ name: body.name, description: cleared(body.description), active: body.active });
    return ok(renderProduct(await updateDialectObject(db, auth.owner, DIALECT, "product", params.id, changes, metadataPatch(body.metadata))));
  },
});

export const createPrice = stripeOperation({
  body: schemas.createPriceBody,
  handle: async ({ db, auth, body }) => {
    noExpansions(body.expand);
    const product = body.product
      ? (await getDialectObject(db, auth.owner, DIALECT, "product", body.product, "product")).id
      : (await createDialectObject(db, auth.owner, { id: newObjectId("prod"), dialect: DIALECT, type: "product", data: { name: body.product_data!.name, description: null, active: true, images: [], metadata: body.product_data!.metadata ?? {} } satisfies ProductData })).id;
    const data: PriceData = {
      product,
      currency: body.currency,
      unit_amount: body.unit_amount,
      active: body.active ?? true,
      nickname: body.nickname ?? null,
      lookup_key: body.lookup_key ?? null,
      recurring: body.recurring ? { interval: body.recurring.interval, interval_count: body.recurring.interval_count ?? 1 } : null,
      metadata: body.metadata ?? {},
    };
    return ok(renderStoredPrice(await createDialectObject(db, auth.owner, { id: newObjectId("price"), dialect: DIALECT, type: "price", data })));
  },
});

export const updatePrice = stripeOperation({
  params: idParams,
  body: schemas.updatePriceBody,
  handle: async ({ db, auth, params, body }) => {
    noExpansions(body.expand);
    const changes = defined({ active: body.active, nickname: cleared(body.nickname), lookup_key: cleared(body.lookup_key) });
    return ok(renderStoredPrice(await updateDialectObject(db, auth.owner, DIALECT, "price", params.id, changes, metadataPatch(body.metadata))));
  },
});

export const createCustomer = stripeOperation({
  body: schemas.createCustomerBody,
  handle: async ({ db, auth, body }) => {
    noExpansions(body.expand);
    // A clock of this merchant's, in test mode (a live key is refused), as Stripe checks it.
    const clock = body.test_clock ? await getTestClock(db, auth.owner, body.test_clock, "test_clock") : null;
    const data: CustomerData = { email: body.email ?? null, name: body.name ?? null, description: body.description ?? null, phone: body.phone ?? null, metadata: body.metadata ?? {}, test_clock: clock?.id ?? null };
    return ok(renderCustomer(await createDialectObject(db, auth.owner, { id: newObjectId("cus"), dialect: DIALECT, type: "customer", data })));
  },
});

export const updateCustomer = stripeOperation({
  params: idParams,
  body: schemas.updateCustomerBody,
  handle: async ({ db, auth, params, body }) => {
    noExpansions(body.expand);
    const changes = defined({ email: cleared(body.email), name: cleared(body.name), description: cleared(body.description), phone: cleared(body.phone) });
    return ok(renderCustomer(await updateDialectObject(db, auth.owner, DIALECT, "customer", params.id, changes, metadataPatch(body.metadata))));
  },
});



export const listProducts = listRoute("product", "/v1/products", schemas.listProductsQuery, renderProduct, (q) => defined({ active: q.active }));
export const retrieveProduct = retrieveRoute("product", renderProduct);
export const listPrices = listRoute("price", "/v1/prices", schemas.listPricesQuery, renderStoredPrice, (q) => defined({ active: q.active, product: q.product }));
export const retrievePrice = retrieveRoute("price", renderStoredPrice);
export const listCustomers = listRoute("customer", "/v1/customers", schemas.listCustomersQuery, renderCustomer, (q) => defined({ email: q.email }));
export const retrieveCustomer = retrieveRoute("customer", renderCustomer);
