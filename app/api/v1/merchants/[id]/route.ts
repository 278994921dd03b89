import { getMerchantAccess } from "@/lib/accounts/get-membership";
import { updateMerchant } from "@/lib/accounts/update-merchant";
import { setWallet } from "@/lib/stablecoins/set-wallet";
import { nativeDialect } from "@/lib/dialects/native/dialect";
import { renderMerchant } from "@/lib/dialects/native/render";
import { merchantParams, merchantSettingsBody } from "@/lib/dialects/native/schemas";
import { ok } from "@/lib/http/api-result";
import { apiRoute } from "@/lib/http/api-route";
import { otherMethods } from "@/lib/http/route-methods";

export const GET = apiRoute({
  dialect: nativeDialect,
  auth: "access_token",
  params: merchantParams,
  handle: async ({ db, auth, params }) => {
    const { merchant, role } = await getMerchantAccess(db, auth.userId, params.id, "merchant:read");
    return ok(renderMerchant(merchant, role));
  },
});

export const PATCH = apiRoute({
  dialect: nativeDialect,
  auth: "access_token",
  params: merchantParams,
  body: merchantSettingsBody,
  handle: async ({ db, auth, params, body }) => {
    const { role } = await getMerchantAccess(db, auth.userId, params.id, body.status ? "merchant:suspend" : "merchant:update");
    if (body.stablecoin_xpub !== undefined) await getMerchantAccess(db, auth.userId, params.id, "wallet:manage");
    const merchant = await db.transaction(async (tx) => {
      const updated = await updateMerchant(tx, params.id, {
        name: body.name,
        displayName: body.display_name,
        brandColor: body.brand_color,
        logoUrl: body.logo_url,
        allowedOrigins: body.allowed_origins,
        minimumAmounts: body.minimum_amounts,
        receiptsEnabled: body.receipts_enabled,
        status: body.status,
      });
      return body.stablecoin_xpub === undefined ? updated : setWallet(tx, params.id, body.stablecoin_xpub);
    });
    return ok(renderMerchant(merchant, role));
  },
});

export const { POST, PUT, DELETE } = otherMethods(nativeDialect, { GET, PATCH });
