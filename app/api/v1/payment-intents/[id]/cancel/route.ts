import { cancelIntent } from "@/lib/intents/cancel-intent";
import { withDetail } from "@/lib/intents/intent-details";
import { nativeDialect } from "@/lib/dialects/native/dialect";
import { renderIntent } from "@/lib/dialects/native/render";
import { cancelIntentBody, intentParams } from "@/lib/dialects/native/schemas";
import { ok } from "@/lib/http/api-result";
import { apiRoute } from "@/lib/http/api-route";
import { actorOf } from "@/lib/http/principal";

export const POST = apiRoute({
  dialect: nativeDialect,
  auth: "secret_key",
  params: intentParams,
  body: cancelIntentBody,
  handle: async ({ db, auth, params, body }) => {
    const intent = await cancelIntent(db, auth.merchant.id, params.id, actorOf(auth), body.cancellation_reason ?? null);
    return ok(renderIntent(await withDetail(db, intent)));
  },
});
