import { renderLinkChoicePage, renderLinkInactivePage } from "@/components/payment-links/link-page";
import { checkoutPageHeaders, NOBODY, SECRET_URL_HEADERS } from "@/lib/checkout/checkout-policy";
import { checkoutPagePath } from "@/lib/checkout/checkout-url";
import { publicUrl } from "@/lib/config/env";
import { readForm } from "@/lib/http/checkout-form-route";
import { checkoutPageRoute, otherPageMethods, type PageRouteContext } from "@/lib/http/checkout-page-route";
import { clientAddress } from "@/lib/http/client-address";
import type { RouteContext } from "@/lib/http/route-methods";
import { visitPaymentLink, type LinkRequest, type LinkVisit } from "@/lib/payment-links/visit-payment-link";

const LINK = { param: "slug", pattern: /^[A-Za-z0-9]{1,32}$/, clientSecret: "none", what: "payment link" } as const;

/** A visit's answer: on to the checkout, the link's question or its inactive page, or too many opens. */
function answer({ nonce, browserLocale, fail }: PageRouteContext, visit: LinkVisit): Response {
  const page = (status: number, html: string) => new Response(html, { status, headers: checkoutPageHeaders(NOBODY, nonce) });
  switch (visit.outcome) {
    case "not_found":
      return fail(404);
    case "inactive":
      return page(410, renderLinkInactivePage(visit.found, browserLocale, nonce));
    case "choose":
      return page(visit.error ? 422 : 200, renderLinkChoicePage(visit.found, visit.range, browserLocale, nonce, visit.error, visit.typed));
    case "rate_limited": {
      const headers = { "retry-after": String(visit.retryAfterSeconds), "content-type": "text/plain; charset=utf-8", ...SECRET_URL_HEADERS };
      return new Response("Too many checkouts opened from this address; try again in a minute.", { status: 429, headers });
    }
    case "checkout": {
      const location = new URL(checkoutPagePath(visit.intent.id, visit.intent.clientSecret), publicUrl()).toString();
      return new Response(null, { status: 303, headers: { location, ...SECRET_URL_HEADERS } });
    }
  }
}

/** A page of the link, for a request read as `ask` reads it (or answered already, a malformed form). */
const linkPage = (ask: (request: Request) => Promise<LinkRequest | Response>) =>
  checkoutPageRoute(LINK, async (context) => {
    const asked = await ask(context.request);
    if (asked instanceof Response) return asked;
    return answer(context, await visitPaymentLink(context.db, context.param, asked, clientAddress(context.request.headers)));
  });

/** A payment link's public page (lib/payment-links/visit-payment-link.ts decides what it shows). */
const GET = linkPage(async () => ({ kind: "open" }));

/** The buyer's amount or quantity, from the link's own form. */
const POST = linkPage(async (request) => {
  const form = await readForm(request);
  return form instanceof Response ? form : { kind: "answer", field: (name) => form.get(name) ?? "" };
});

const look = linkPage(async () => ({ kind: "look" }));

/** A HEAD learns whether the link exists and can be paid, and makes no payment intent. */
async function HEAD(request: Request, context: RouteContext): Promise<Response> {
  const page = await look(request, context);
  return new Response(null, { status: page.status, headers: page.headers });
}

export { GET, HEAD, POST };
export const { PUT, PATCH, DELETE } = otherPageMethods({ GET, POST });
