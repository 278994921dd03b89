import { nativeDialect } from "@/lib/dialects/native/dialect";
import { objectParams } from "@/lib/dialects/native/schemas";
import { ok } from "@/lib/http/api-result";
import { apiRoute } from "@/lib/http/api-route";
import { sendTestEvent } from "@/lib/webhooks/send-test-event";
import { otherMethods } from "@/lib/http/route-methods";

export const POST = apiRoute({
  dialect: nativeDialect,
  auth: "secret_key",
  params: objectParams,
  handle: async ({ db, auth, params }) => {
    const event = await sendTestEvent(db, auth.owner, params.id);
    return ok({ id: event.id, object: "event", type: event.type, created_at: event.createdAt.toISOString() });
  },
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(nativeDialect, { POST });
