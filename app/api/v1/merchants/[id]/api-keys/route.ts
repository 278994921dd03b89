import { createApiKey } from "@/lib/accounts/create-api-key";
import { getMerchantAccess } from "@/lib/accounts/get-membership";
import { listApiKeys } from "@/lib/accounts/list-api-keys";
import { nativeDialect } from "@/lib/dialects/native/dialect";
import { renderApiKey } from "@/lib/dialects/native/render";
import { createApiKeyBody, merchantParams } from "@/lib/dialects/native/schemas";
import { created, ok } from "@/lib/http/api-result";
import { apiRoute } from "@/lib/http/api-route";
import { otherMethods } from "@/lib/http/route-methods";

export const POST = apiRoute({
  dialect: nativeDialect,
  auth: "access_token",
  params: merchantParams,
  body: createApiKeyBody,
  // The secret is shown once and stored only as a hash, so the response is never stored for replay.
  idempotency: "none",
  handle: async ({ db, auth, params, body }) => {
    await getMerchantAccess(db, auth.userId, params.id, "api_keys:manage");
    const { key, secretKey } = await createApiKey(db, params.id, { label: body.label, mode: body.mode });
    return created(renderApiKey(key, secretKey));
  },
});

export const GET = apiRoute({
  dialect: nativeDialect,
  auth: "access_token",
  params: merchantParams,
  handle: async ({ db, auth, params }) => {
    await getMerchantAccess(db, auth.userId, params.id, "api_keys:manage");
    return ok({ object: "list", data: (await listApiKeys(db, params.id)).map((key) => renderApiKey(key)) });
  },
});

export const { PUT, PATCH, DELETE } = otherMethods(nativeDialect, { GET, POST });
