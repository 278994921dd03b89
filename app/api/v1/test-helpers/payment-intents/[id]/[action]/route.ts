import { nativeDialect } from "@/lib/dialects/native/dialect";
import { renderIntent } from "@/lib/dialects/native/render";
import { simulateIntentBody, simulateIntentParams } from "@/lib/dialects/native/schemas";
import { ok } from "@/lib/http/api-result";
import { apiRoute } from "@/lib/http/api-route";
import { actorOf } from "@/lib/http/principal";
import { otherMethods } from "@/lib/http/route-methods";
import { withDetail } from "@/lib/intents/intent-details";
import { simulateIntent } from "@/lib/test-helpers/simulate-intent";

/** Test mode: what a buyer or their bank would do to an intent (succeed, decline, require_action, authenticate, fail_authentication, expire), without a browser. */
export const POST = apiRoute({
  dialect: nativeDialect,
  auth: "secret_key",
  params: simulateIntentParams,
  body: simulateIntentBody,
  idempotency: "external",
  handle: async ({ db, auth, params, body }) => {
    const action = params.action === "decline" ? { action: params.action, declineCode: body.decline_code } : { action: params.action };
    return ok(renderIntent(await withDetail(db, await simulateIntent(db, auth.owner, params.id, action, actorOf(auth)))));
  },
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(nativeDialect, { POST });
