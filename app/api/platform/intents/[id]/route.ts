import { getIntent } from "@/lib/intents/get-intent";
import { mintroDialect, ok } from "@/lib/dialects/mintro/dialect";
import { intentIdFromPath } from "@/lib/dialects/mintro/map-intent";
import { renderIntent } from "@/lib/dialects/mintro/render";
import { intentIdParams } from "@/lib/dialects/mintro/schemas";
import { apiRoute } from "@/lib/http/api-route";
import { subscriptionOfIntent } from "@/lib/subscriptions/get-subscription";
import { otherMethods } from "@/lib/http/route-methods";

export const GET = apiRoute({
  dialect: mintroDialect,
  auth: "secret_key",
  params: intentIdParams,
  handle: async ({ db, auth, params }) => {
    const intent = await getIntent(db, auth.owner, intentIdFromPath(params.id));
    return ok(renderIntent(intent, await subscriptionOfIntent(db, intent.id)));
  },
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(mintroDialect, { GET });
