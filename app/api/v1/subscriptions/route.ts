import { nativeDialect } from "@/lib/dialects/native/dialect";
import { renderSubscription } from "@/lib/dialects/native/render";
import { listSubscriptionsQuery } from "@/lib/dialects/native/schemas";
import { ok } from "@/lib/http/api-result";
import { apiRoute } from "@/lib/http/api-route";
import { listSubscriptions } from "@/lib/subscriptions/list-subscriptions";
import { otherMethods } from "@/lib/http/route-methods";

export const GET = apiRoute({
  dialect: nativeDialect,
  auth: "secret_key",
  query: listSubscriptionsQuery,
  handle: async ({ db, auth, query }) => {
    const page = await listSubscriptions(db, auth.owner, { limit: query.limit, startingAfter: query.starting_after, status: query.status });
    return ok({ object: "list", has_more: page.hasMore, data: page.subscriptions.map(renderSubscription) });
  },
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(nativeDialect, { GET });
