import { nativeDialect } from "@/lib/dialects/native/dialect";
import { renderWebhookEndpoint } from "@/lib/dialects/native/render";
import { createWebhookEndpointBody } from "@/lib/dialects/native/schemas";
import { created, ok } from "@/lib/http/api-result";
import { apiRoute } from "@/lib/http/api-route";
import { createWebhookEndpoint, listWebhookEndpoints } from "@/lib/webhooks/endpoints";
import { otherMethods } from "@/lib/http/route-methods";

export const POST = apiRoute({
  dialect: nativeDialect,
  auth: "secret_key",
  body: createWebhookEndpointBody,
  // The answer holds the signing secret, which is never stored for a replay.
  idempotency: "none",
  handle: async ({ db, auth, body }) => {
    const { endpoint, secret } = await createWebhookEndpoint(db, auth.owner, body);
    return created(renderWebhookEndpoint(endpoint, secret));
  },
});

export const GET = apiRoute({
  dialect: nativeDialect,
  auth: "secret_key",
  handle: async ({ db, auth }) =>
    ok({ object: "list", data: (await listWebhookEndpoints(db, auth.owner)).map((endpoint) => renderWebhookEndpoint(endpoint)) }),
});

export const { PUT, PATCH, DELETE } = otherMethods(nativeDialect, { GET, POST });
