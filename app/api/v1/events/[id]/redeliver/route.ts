import { nativeDialect } from "@/lib/dialects/native/dialect";
import { objectParams, redeliverBody } from "@/lib/dialects/native/schemas";
import { ok } from "@/lib/http/api-result";
import { apiRoute } from "@/lib/http/api-route";
import { redeliverEvent } from "@/lib/webhooks/redeliver-event";
import { otherMethods } from "@/lib/http/route-methods";

export const POST = apiRoute({
  dialect: nativeDialect,
  auth: "secret_key",
  params: objectParams,
  body: redeliverBody,
  handle: async ({ db, auth, params, body }) => {
    const { event, queued } = await redeliverEvent(db, auth.owner, params.id, body.endpoint_id);
    return ok({ id: event.id, object: "event", type: event.type, deliveries_queued: queued });
  },
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(nativeDialect, { POST });
