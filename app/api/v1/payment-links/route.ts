import { nativeDialect } from "@/lib/dialects/native/dialect";
import { createPaymentLinkBody, listPaymentLinksQuery } from "@/lib/payment-links/inputs";
import { renderPaymentLink } from "@/lib/dialects/native/render-payment-link";
import { created, ok } from "@/lib/http/api-result";
import { apiRoute } from "@/lib/http/api-route";
import { otherMethods } from "@/lib/http/route-methods";
import { createPaymentLink } from "@/lib/payment-links/create-payment-link";
import { listPaymentLinks } from "@/lib/payment-links/list-payment-links";

export const POST = apiRoute({
  dialect: nativeDialect,
  auth: "secret_key",
  body: createPaymentLinkBody,
  handle: async ({ db, auth, body }) => created(renderPaymentLink(await createPaymentLink(db, auth.owner, body))),
});

export const GET = apiRoute({
  dialect: nativeDialect,
  auth: "secret_key",
  query: listPaymentLinksQuery,
  handle: async ({ db, auth, query, request }) => {
    const page = await listPaymentLinks(db, auth.owner, { limit: query.limit, startingAfter: query.starting_after, active: query.active });
    return ok({ object: "list", url: new URL(request.url).pathname, has_more: page.hasMore, data: page.links.map(renderPaymentLink) });
  },
});

export const { PUT, PATCH, DELETE } = otherMethods(nativeDialect, { GET, POST });
