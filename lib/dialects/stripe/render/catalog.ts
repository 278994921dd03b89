import type { Mode } from "@/db/schema";
import type { DialectObject } from "@/db/schema";
import type { SessionPrice } from "../session-data";
import { stringValues, unix } from "./common";

/** What a stored Product keeps (dialect_objects.data). */
export type ProductData = { name: string; description: string | null; active: boolean; images?: string[]; metadata: Record<string, string> };
/** What a stored Price keeps. */
export type PriceData = {
  product: string;
  currency: string;
  unit_amount: number;
  active: boolean;
  nickname: string | null;
  lookup_key: string | null;
  recurring: SessionPrice["recurring"];
  metadata: Record<string, string>;
};
/** What a stored Customer keeps. */
export type CustomerData = {
  email: string | null;
  name: string | null;
  description: string | null;
  phone: string | null;
  metadata: Record<string, string>;
  /** The test clock its sessions and subscriptions live on. */
  test_clock?: string | null;
};

export function renderProduct(object: DialectObject) {
  const data = object.data as ProductData;
  return {
    id: object.id,
    object: "product",
    active: data.active,
    created: unix(object.createdAt),
    default_price: null,
    description: data.description,
    images: data.images ?? [],
    livemode: object.mode === "live",
    marketing_features: [],
    metadata: stringValues(data.metadata),
    name: data.name,
    package_dimensions: null,
    shippable: null,
    statement_descriptor: null,
    tax_code: null,
    unit_label: null,
    updated: unix(object.updatedAt),
    url: null,
  };
}

/** A Price, stored or made inline for one session's line item. */
export function renderPrice(price: { id: string; created: Date; mode: Mode } & Omit<PriceData, "metadata"> & { metadata?: Record<string, string> }) {
  return {
    id: price.id,
    object: "price",
    active: price.active,
    billing_scheme: "per_unit",
    created: unix(price.created),
    currency: price.currency.toLowerCase(),
    custom_unit_amount: null,
    livemode: price.mode === "live",
    lookup_key: price.lookup_key,
    metadata: price.metadata ?? {},
    nickname: price.nickname,
    product: price.product,
    recurring: price.recurring ? { ...price.recurring, meter: null, usage_type: "licensed" } : null,
    tax_behavior: "unspecified",
    tiers_mode: null,
    transform_quantity: null,
    type: price.recurring ? "recurring" : "one_time",
    unit_amount: price.unit_amount,
    unit_amount_decimal: String(price.unit_amount),
  };
}

export const renderStoredPrice = (object: DialectObject) => renderPrice({ id: object.id, created: object.createdAt, mode: object.mode, ...(object.data as PriceData) });

export function renderCustomer(object: DialectObject) {
  const data = object.data as CustomerData;
  return {
    id: object.id,
    object: "customer",
    address: null,
    balance: 0,
    created: unix(object.createdAt),
    currency: null,
    default_source: null,
    delinquent: false,
    description: data.description,
    email: data.email,
    invoice_prefix: object.id.slice(4, 12).toUpperCase(),
    invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
    livemode: object.mode === "live",
    metadata: stringValues(data.metadata),
    name: data.name,
    phone: data.phone,
    preferred_locales: [],
    shipping: null,
    tax_exempt: "none",
    test_clock: data.test_clock ?? null,
  };
}
