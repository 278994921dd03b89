import { nativeDialect } from "@/lib/dialects/native/dialect";
import { renderWebhookEndpoint } from "@/lib/dialects/native/render";
import { objectParams, updateWebhookEndpointBody } from "@/lib/dialects/native/schemas";
import { ok } from "@/lib/http/api-result";
import { apiRoute } from "@/lib/http/api-route";
import { deleteWebhookEndpoint, getWebhookEndpoint, updateWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { otherMethods } from "@/lib/http/route-methods";

export const GET = apiRoute({
  dialect: nativeDialect,
  auth: "secret_key",
  params: objectParams,
  handle: async ({ db, auth, params }) => ok(renderWebhookEndpoint(await getWebhookEndpoint(db, auth.owner, params.id))),
});

export const PATCH = apiRoute({
  dialect: nativeDialect,
  auth: "secret_key",
  params: objectParams,
  body: updateWebhookEndpointBody,
  handle: async ({ db, auth, params, body: { test_faults, ...changes } }) =>
    ok(renderWebhookEndpoint(await updateWebhookEndpoint(db, auth.owner, params.id, { ...changes, testFaults: test_faults }))),
});

export const DELETE = apiRoute({
  dialect: nativeDialect,
  auth: "secret_key",
  params: objectParams,
  handle: async ({ db, auth, params }) => {
    const endpoint = await deleteWebhookEndpoint(db, auth.owner, params.id);
    return ok({ ...renderWebhookEndpoint(endpoint), deleted: true });
  },
});

export const { POST, PUT } = otherMethods(nativeDialect, { GET, PATCH, DELETE });
