import { z } from "zod";
import { MAX_MINOR_AMOUNT } from "@/lib/money/decimal";
import { allowedOrigins, currencyCode, email, httpUrl, text } from "@/lib/validation/common";

/* What the API and the dashboard both accept for accounts, merchants, keys and checkouts. */

export const registerBody = z.strictObject({
  email,
  password: z.string({ error: "must be a string" }),
  name: text(200).min(1, { error: "must not be empty" }),
});

export const createMerchantBody = z.strictObject({ name: text(200).min(1, { error: "must not be empty" }) });

export const merchantSettingsBody = z.strictObject({
  name: text(200).min(1, { error: "must not be empty" }).optional(),
  display_name: text(200).nullable().optional(),
  brand_color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, { error: "must be a hex colour such as #4f46e5" })
    .nullable()
    .optional(),
  logo_url: httpUrl.nullable().optional(),
  allowed_origins: allowedOrigins.optional(),
  minimum_amounts: z
    .record(
      currencyCode,
      z.number({ error: "must be an integer number of minor units" }).int({ error: "must be an integer number of minor units" }).min(0).max(MAX_MINOR_AMOUNT),
      { error: "must be an object of currency codes and minimum amounts in minor units, such as {\"USD\": 500}" },
    )
    .optional(),
  /** Whether buyers get a receipt by email when a payment succeeds or is refunded. */
  receipts_enabled: z.boolean({ error: "must be true or false" }).optional(),
  /** Suspending stops every API key and checkout of the merchant until it is active again. */
  status: z.enum(["active", "suspended"], { error: "must be active or suspended" }).optional(),
  /**
   * The wallet stablecoin payments are paid into, as its extended public key (xpub…); null removes
   * it. Checked in full by lib/stablecoins/wallet-key.ts; only the owner may set it.
   */
  stablecoin_xpub: z.string({ error: "must be an extended public key (xpub…) or null" }).max(200, { error: "must be an extended public key (xpub…)" }).nullable().optional(),
});

export const createApiKeyBody = z.strictObject({
  label: text(100).nullable().optional(),
  /** test (the default) for the simulation's money, live for real money through the merchant's acquirer. */
  mode: z.enum(["test", "live"], { error: "must be test or live" }).optional(),
});

export const createCheckoutBody = z.object({
  name: text(200).min(1, { error: "must not be empty" }),
  display_name: text(200).nullish(),
  brand_color: z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: "must be a hex colour such as #4f46e5" }).nullish(),
  logo_url: httpUrl.nullish(),
});

/** The acquirer for live payments: which one, its secret key, and optionally its webhook signing secret. */
export const setAcquirerBody = z.strictObject({
  type: text(32).min(1, { error: "must name an acquirer, such as stripe" }),
  secret_key: z.string({ error: "must be a string" }).trim().min(1, { error: "must not be empty" }).max(255, { error: "must be at most 255 characters" }),
  webhook_secret: z.string({ error: "must be a string" }).trim().max(255, { error: "must be at most 255 characters" }).nullable().optional(),
});
export type SetAcquirerInput = z.infer<typeof setAcquirerBody>;
