import { createIntent } from "@/lib/intents/create-intent";
import { withDetail, withDetails } from "@/lib/intents/intent-details";
import { listIntents } from "@/lib/intents/list-intents";
import { nativeDialect } from "@/lib/dialects/native/dialect";
import { toNewIntent } from "@/lib/dialects/native/map-intent";
import { renderIntent } from "@/lib/dialects/native/render";
import { createIntentBody, listIntentsQuery } from "@/lib/dialects/native/schemas";
import { created, ok } from "@/lib/http/api-result";
import { apiRoute } from "@/lib/http/api-route";
import { actorOf } from "@/lib/http/principal";

export const POST = apiRoute({
  dialect: nativeDialect,
  auth: "secret_key",
  body: createIntentBody,
  handle: async ({ db, auth, body }) => {
    const intent = await createIntent(db, auth.merchant.id, toNewIntent(body), actorOf(auth));
    return created(renderIntent(await withDetail(db, intent)));
  },
});

export const GET = apiRoute({
  dialect: nativeDialect,
  auth: "secret_key",
  query: listIntentsQuery,
  handle: async ({ db, auth, query, request }) => {
    const page = await listIntents(db, auth.merchant.id, {
      limit: query.limit,
      startingAfter: query.starting_after,
      status: query.status,
    });
    return ok({
      object: "list",
      url: new URL(request.url).pathname,
      has_more: page.hasMore,
      data: (await withDetails(db, page.intents)).map(renderIntent),
    });
  },
});
