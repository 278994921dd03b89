import { mutopayDialect } from "@/lib/dialects/mutopay/dialect";
import { renderSetupStatus } from "@/lib/dialects/mutopay/render";
import { ok } from "@/lib/http/api-result";
import { apiRoute } from "@/lib/http/api-route";
import { otherMethods } from "@/lib/http/route-methods";

/**
 * The WooCommerce plugin switches its gateway off unless `wallet_address_set` is true. Kassa needs
 * no wallet: the answer is whether this merchant can take payments now, so a suspended one is
 * answered too (with false) rather than refused.
 */
export const GET = apiRoute({
  dialect: mutopayDialect,
  auth: "secret_key_any_status",
  handle: async ({ auth }) => ok(renderSetupStatus(auth.merchant, { mode: auth.owner.mode, acquirerType: auth.acquirerType })),
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(mutopayDialect, { GET });
