import { createMerchant } from "@/lib/accounts/create-merchant";
import { listMerchantsForUser } from "@/lib/accounts/list-merchants";
import { nativeDialect } from "@/lib/dialects/native/dialect";
import { renderMerchant } from "@/lib/dialects/native/render";
import { createMerchantBody } from "@/lib/dialects/native/schemas";
import { created, ok } from "@/lib/http/api-result";
import { apiRoute } from "@/lib/http/api-route";
import { otherMethods } from "@/lib/http/route-methods";

export const POST = apiRoute({
  dialect: nativeDialect,
  auth: "access_token",
  body: createMerchantBody,
  handle: async ({ db, auth, body }) => created(renderMerchant(await createMerchant(db, auth.userId, body), "owner")),
});

export const GET = apiRoute({
  dialect: nativeDialect,
  auth: "access_token",
  handle: async ({ db, auth }) => {
    const memberships = await listMerchantsForUser(db, auth.userId);
    return ok({ object: "list", data: memberships.map(({ merchant, role }) => renderMerchant(merchant, role)) });
  },
});

export const { PUT, PATCH, DELETE } = otherMethods(nativeDialect, { GET, POST });
