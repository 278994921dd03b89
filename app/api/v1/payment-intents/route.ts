import { createIntent } from "@/lib/intents/create-intent";
import { newIntentDetails } from "@/lib/intents/intent-details";
import { listIntents } from "@/lib/intents/list-intents";
import { gatewayDialect, success } from "@/lib/dialects/gateway/dialect";
import { toNewIntent as gatewayIntent } from "@/lib/dialects/gateway/map-intent";
import { renderIntent as renderGatewayIntent } from "@/lib/dialects/gateway/render";
import * as gatewaySchemas from "@/lib/dialects/gateway/schemas";
import { nativeDialect } from "@/lib/dialects/native/dialect";
import { toNewIntent } from "@/lib/dialects/native/map-intent";
import { renderIntent } from "@/lib/dialects/native/render";
import { createIntentBody, listIntentsQuery } from "@/lib/dialects/native/schemas";
import { created, ok } from "@/lib/http/api-result";
import { apiRoute } from "@/lib/http/api-route";
import { byKeyHeader } from "@/lib/http/key-header";
import { actorOf } from "@/lib/http/principal";
import { otherMethods } from "@/lib/http/route-methods";

/** Seed 002's service: the key in X-API-Key, answered 200 `{success, data}`. */
const gatewayCreate = apiRoute({
  dialect: gatewayDialect,
  auth: "secret_key",
  body: gatewaySchemas.createIntentBody,
  handle: async ({ db, auth, body }) => success(renderGatewayIntent(await createIntent(db, auth.account, gatewayIntent(body), actorOf(auth)))),
});

const nativeCreate = apiRoute({
  dialect: nativeDialect,
  auth: "secret_key",
  body: createIntentBody,
  handle: async ({ db, auth, body }) => {
    const intent = await createIntent(db, auth.account, toNewIntent(body), actorOf(auth));
    return created(renderIntent(newIntentDetails(intent)));
  },
});

const gatewayList = apiRoute({
  dialect: gatewayDialect,
  auth: "secret_key",
  query: gatewaySchemas.listIntentsQuery,
  handle: async ({ db, auth, query }) => {
    const page = await listIntents(db, auth.owner, { limit: query.limit, startingAfter: query.starting_after });
    return success(page.intents.map(renderGatewayIntent));
  },
});

const nativeList = apiRoute({
  dialect: nativeDialect,
  auth: "secret_key",
  query: listIntentsQuery,
  handle: async ({ db, auth, query, request }) => {
    const page = await listIntents(db, auth.owner, {
      limit: query.limit,
      startingAfter: query.starting_after,
      status: query.status,
    });
    return ok({
      object: "list",
      url: new URL(request.url).pathname,
      has_more: page.hasMore,
      data: page.intents.map(renderIntent),
    });
  },
});

export const POST = byKeyHeader({ bearer: nativeCreate, apiKeyHeader: gatewayCreate });
export const GET = byKeyHeader({ bearer: nativeList, apiKeyHeader: gatewayList });
export const { PUT, PATCH, DELETE } = otherMethods(nativeDialect, { GET, POST });
