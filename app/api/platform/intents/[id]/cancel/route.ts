import { cancelIntent } from "@/lib/intents/cancel-intent";
import { mintroDialect, ok } from "@/lib/dialects/mintro/dialect";
import { intentIdFromPath } from "@/lib/dialects/mintro/map-intent";
import { mintroStatus } from "@/lib/dialects/mintro/render";
import { intentIdParams } from "@/lib/dialects/mintro/schemas";
import { apiRoute } from "@/lib/http/api-route";
import { actorOf } from "@/lib/http/principal";
import { otherMethods } from "@/lib/http/route-methods";

/** Only while the intent awaits payment; otherwise a 400 that says why. */
export const POST = apiRoute({
  dialect: mintroDialect,
  auth: "secret_key",
  params: intentIdParams,
  handle: async ({ db, auth, params }) => {
    const intent = await cancelIntent(db, auth.owner, intentIdFromPath(params.id), actorOf(auth), "requested_by_customer");
    return ok({ intent_id: intent.id, status: mintroStatus(intent.status) });
  },
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(mintroDialect, { POST });
