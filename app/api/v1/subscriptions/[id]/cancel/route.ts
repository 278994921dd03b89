import { nativeDialect } from "@/lib/dialects/native/dialect";
import { renderSubscription } from "@/lib/dialects/native/render";
import { objectParams } from "@/lib/dialects/native/schemas";
import { ok } from "@/lib/http/api-result";
import { apiRoute } from "@/lib/http/api-route";
import { actorOf } from "@/lib/http/principal";
import { cancelSubscription } from "@/lib/subscriptions/cancel-subscription";
import { otherMethods } from "@/lib/http/route-methods";

export const POST = apiRoute({
  dialect: nativeDialect,
  auth: "secret_key",
  params: objectParams,
  handle: async ({ db, auth, params }) => ok(renderSubscription(await cancelSubscription(db, auth.owner, params.id, actorOf(auth)))),
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(nativeDialect, { POST });
