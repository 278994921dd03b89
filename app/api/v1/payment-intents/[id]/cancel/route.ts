import { cancelIntent } from "@/lib/intents/cancel-intent";
import { withDetail } from "@/lib/intents/intent-details";
import { gatewayDialect, success } from "@/lib/dialects/gateway/dialect";
import { renderIntent as renderGatewayIntent } from "@/lib/dialects/gateway/render";
import { nativeDialect } from "@/lib/dialects/native/dialect";
import { renderIntent } from "@/lib/dialects/native/render";
import { cancelIntentBody, intentParams } from "@/lib/dialects/native/schemas";
import { ok } from "@/lib/http/api-result";
import { apiRoute } from "@/lib/http/api-route";
import { byKeyHeader } from "@/lib/http/key-header";
import { actorOf } from "@/lib/http/principal";
import { otherMethods } from "@/lib/http/route-methods";

export const POST = byKeyHeader({
  apiKeyHeader: apiRoute({
    dialect: gatewayDialect,
    auth: "secret_key",
    params: intentParams,
    handle: async ({ db, auth, params }) => success(renderGatewayIntent(await cancelIntent(db, auth.owner, params.id, actorOf(auth)))),
  }),
  bearer: apiRoute({
    dialect: nativeDialect,
    auth: "secret_key",
    params: intentParams,
    body: cancelIntentBody,
    handle: async ({ db, auth, params, body }) => {
      const intent = await cancelIntent(db, auth.owner, params.id, actorOf(auth), body.cancellation_reason ?? null);
      return ok(renderIntent(await withDetail(db, intent)));
    },
  }),
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(nativeDialect, { POST });
