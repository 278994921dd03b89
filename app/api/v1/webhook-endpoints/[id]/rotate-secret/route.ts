import { nativeDialect } from "@/lib/dialects/native/dialect";
import { renderWebhookEndpoint } from "@/lib/dialects/native/render";
import { objectParams, rotateSecretBody } from "@/lib/dialects/native/schemas";
import { ok } from "@/lib/http/api-result";
import { apiRoute } from "@/lib/http/api-route";
import { rotateWebhookSecret } from "@/lib/webhooks/endpoints";
import { otherMethods } from "@/lib/http/route-methods";

/** A new secret; the old one keeps signing too for grace_period_seconds (default a day). */
export const POST = apiRoute({
  dialect: nativeDialect,
  auth: "secret_key",
  params: objectParams,
  body: rotateSecretBody,
  idempotency: "none",
  handle: async ({ db, auth, params, body }) => {
    const { endpoint, secret } = await rotateWebhookSecret(db, auth.owner, params.id, body.grace_period_seconds);
    return ok(renderWebhookEndpoint(endpoint, secret));
  },
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(nativeDialect, { POST });
