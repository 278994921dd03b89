import { getIntentByReference } from "@/lib/intents/reference";
import { mintroDialect, ok } from "@/lib/dialects/mintro/dialect";
import { renderIntent } from "@/lib/dialects/mintro/render";
import { referenceParams } from "@/lib/dialects/mintro/schemas";
import { apiRoute } from "@/lib/http/api-route";
import { subscriptionOfIntent } from "@/lib/subscriptions/get-subscription";
import { otherMethods } from "@/lib/http/route-methods";

export const GET = apiRoute({
  dialect: mintroDialect,
  auth: "secret_key",
  params: referenceParams,
  handle: async ({ db, auth, params }) => {
    const intent = await getIntentByReference(db, auth.owner, mintroDialect.name, params.reference_id);
    return ok(renderIntent(intent, await subscriptionOfIntent(db, intent.id)));
  },
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(mintroDialect, { GET });
