import { mintroDialect, ok } from "@/lib/dialects/mintro/dialect";
import { subscriptionIdFromPath } from "@/lib/dialects/mintro/map-intent";
import { renderSubscriptionCancel } from "@/lib/dialects/mintro/render";
import { intentIdParams } from "@/lib/dialects/mintro/schemas";
import { apiRoute } from "@/lib/http/api-route";
import { actorOf } from "@/lib/http/principal";
import { cancelSubscription } from "@/lib/subscriptions/cancel-subscription";
import { otherMethods } from "@/lib/http/route-methods";

export const POST = apiRoute({
  dialect: mintroDialect,
  auth: "secret_key",
  params: intentIdParams,
  handle: async ({ db, auth, params }) =>
    ok(renderSubscriptionCancel(await cancelSubscription(db, auth.owner, subscriptionIdFromPath(params.id), actorOf(auth)))),
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(mintroDialect, { POST });
