import { nativeDialect } from "@/lib/dialects/native/dialect";
import { renderSubscription } from "@/lib/dialects/native/render";
import { objectParams } from "@/lib/dialects/native/schemas";
import { ok } from "@/lib/http/api-result";
import { apiRoute } from "@/lib/http/api-route";
import { getSubscription } from "@/lib/subscriptions/get-subscription";
import { otherMethods } from "@/lib/http/route-methods";

export const GET = apiRoute({
  dialect: nativeDialect,
  auth: "secret_key",
  params: objectParams,
  handle: async ({ db, auth, params }) => ok(renderSubscription(await getSubscription(db, auth.owner, params.id))),
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(nativeDialect, { GET });
