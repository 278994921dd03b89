import { captureIntent } from "@/lib/intents/capture-intent";
import { withDetail } from "@/lib/intents/intent-details";
import { nativeDialect } from "@/lib/dialects/native/dialect";
import { renderIntent } from "@/lib/dialects/native/render";
import { captureIntentBody, intentParams } from "@/lib/dialects/native/schemas";
import { ok } from "@/lib/http/api-result";
import { apiRoute } from "@/lib/http/api-route";
import { actorOf } from "@/lib/http/principal";
import { otherMethods } from "@/lib/http/route-methods";

/** Captures an authorized intent in full, or `amount_to_capture` of it. */
export const POST = apiRoute({
  dialect: nativeDialect,
  auth: "secret_key",
  params: intentParams,
  body: captureIntentBody,
  idempotency: "external",
  handle: async ({ db, auth, params, body }) => {
    const intent = await captureIntent(db, auth.owner, params.id, body.amount_to_capture, actorOf(auth));
    return ok(renderIntent(await withDetail(db, intent)));
  },
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(nativeDialect, { POST });
