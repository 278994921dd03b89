import { nativeDialect } from "@/lib/dialects/native/dialect";
import { renderDelivery } from "@/lib/dialects/native/render";
import { objectParams } from "@/lib/dialects/native/schemas";
import { ok } from "@/lib/http/api-result";
import { apiRoute } from "@/lib/http/api-route";
import { getWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { listDeliveries } from "@/lib/webhooks/list-deliveries";
import { otherMethods } from "@/lib/http/route-methods";

/** The delivery log of one endpoint: every event sent, with each attempt's status, time and answer. */
export const GET = apiRoute({
  dialect: nativeDialect,
  auth: "secret_key",
  params: objectParams,
  handle: async ({ db, auth, params }) => {
    await getWebhookEndpoint(db, auth.owner, params.id);
    return ok({ object: "list", data: (await listDeliveries(db, auth.owner, { endpointId: params.id })).map(renderDelivery) });
  },
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(nativeDialect, { GET });
