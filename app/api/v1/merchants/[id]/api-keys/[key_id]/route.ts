import { getMerchantAccess } from "@/lib/accounts/get-membership";
import { revokeApiKey } from "@/lib/accounts/revoke-api-key";
import { nativeDialect } from "@/lib/dialects/native/dialect";
import { renderApiKey } from "@/lib/dialects/native/render";
import { apiKeyParams } from "@/lib/dialects/native/schemas";
import { ok } from "@/lib/http/api-result";
import { apiRoute } from "@/lib/http/api-route";
import { otherMethods } from "@/lib/http/route-methods";

export const DELETE = apiRoute({
  dialect: nativeDialect,
  auth: "access_token",
  params: apiKeyParams,
  handle: async ({ db, auth, params }) => {
    await getMerchantAccess(db, auth.userId, params.id, "api_keys:manage");
    return ok(renderApiKey(await revokeApiKey(db, params.id, params.key_id)));
  },
});

export const { GET, POST, PUT, PATCH } = otherMethods(nativeDialect, { DELETE });
