import { getAcquirer } from "@/lib/accounts/get-acquirer";
import { getMerchantAccess } from "@/lib/accounts/get-membership";
import { removeAcquirer } from "@/lib/accounts/remove-acquirer";
import { setAcquirer } from "@/lib/accounts/set-acquirer";
import { nativeDialect } from "@/lib/dialects/native/dialect";
import { renderAcquirer } from "@/lib/dialects/native/render";
import { merchantParams, setAcquirerBody } from "@/lib/dialects/native/schemas";
import { ok } from "@/lib/http/api-result";
import { apiRoute } from "@/lib/http/api-route";
import { otherMethods } from "@/lib/http/route-methods";

/** Where the merchant's live payments go. The owner alone may see or change it; the key is never shown again. */
export const PUT = apiRoute({
  dialect: nativeDialect,
  auth: "access_token",
  params: merchantParams,
  body: setAcquirerBody,
  // A stored replay would hold the secret key: a PUT is idempotent by itself.
  idempotency: "none",
  handle: async ({ db, auth, params, body }) => {
    await getMerchantAccess(db, auth.userId, params.id, "acquirer:manage");
    return ok(renderAcquirer(await setAcquirer(db, params.id, body)));
  },
});

export const GET = apiRoute({
  dialect: nativeDialect,
  auth: "access_token",
  params: merchantParams,
  handle: async ({ db, auth, params }) => {
    await getMerchantAccess(db, auth.userId, params.id, "acquirer:manage");
    return ok(renderAcquirer(await getAcquirer(db, params.id)));
  },
});

export const DELETE = apiRoute({
  dialect: nativeDialect,
  auth: "access_token",
  params: merchantParams,
  idempotency: "none",
  handle: async ({ db, auth, params }) => {
    await getMerchantAccess(db, auth.userId, params.id, "acquirer:manage");
    return ok(renderAcquirer(await removeAcquirer(db, params.id), true));
  },
});

export const { POST, PATCH } = otherMethods(nativeDialect, { GET, PUT, DELETE });
