import { getIntent } from "@/lib/intents/get-intent";
import { getIntentDetails } from "@/lib/intents/read-intent-details";
import { gatewayDialect, success } from "@/lib/dialects/gateway/dialect";
import { renderIntent as renderGatewayIntent } from "@/lib/dialects/gateway/render";
import { nativeDialect } from "@/lib/dialects/native/dialect";
import { renderIntent } from "@/lib/dialects/native/render";
import { intentParams } from "@/lib/dialects/native/schemas";
import { ok } from "@/lib/http/api-result";
import { apiRoute } from "@/lib/http/api-route";
import { byKeyHeader } from "@/lib/http/key-header";
import { otherMethods } from "@/lib/http/route-methods";

export const GET = byKeyHeader({
  apiKeyHeader: apiRoute({
    dialect: gatewayDialect,
    auth: "secret_key",
    params: intentParams,
    handle: async ({ db, auth, params }) => success(renderGatewayIntent(await getIntent(db, auth.owner, params.id))),
  }),
  bearer: apiRoute({
    dialect: nativeDialect,
    auth: "secret_key",
    params: intentParams,
    handle: async ({ db, auth, params }) => ok(renderIntent(await getIntentDetails(db, auth.owner, params.id))),
  }),
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(nativeDialect, { GET });
