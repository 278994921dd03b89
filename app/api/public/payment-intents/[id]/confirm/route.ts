import { cardIdentity } from "@/lib/checkout/card-identity";
import { confirmIntent } from "@/lib/checkout/confirm-intent";
import { gatewayDialect } from "@/lib/dialects/gateway/dialect";
import { renderConfirmResult } from "@/lib/dialects/gateway/render-confirm";
import { clientSecretQuery, confirmIntentBody, intentParams } from "@/lib/dialects/gateway/schemas";
import { apiRoute } from "@/lib/http/api-route";
import { clientSecretOf } from "@/lib/http/client-secret";
import { corsPreflight, otherMethods } from "@/lib/http/route-methods";
import { localeFromAcceptLanguage } from "@/lib/i18n/locales";

/**
 * Seed 002's checkout front end pays here with the client secret as its credential. The same
 * confirm as Kassa's own page: the same attempt limit, and one charge per intent however often it
 * is called.
 */
export const POST = apiRoute({
  dialect: gatewayDialect,
  auth: "public",
  cors: true,
  params: intentParams,
  query: clientSecretQuery,
  body: confirmIntentBody,
  idempotency: "external",
  // The secret is part of what is replayed, so a key alone never replays another caller's answer.
  idempotencyBody: ({ card }, { request, query }) => ({
    client_secret: clientSecretOf(request, query),
    card: cardIdentity(card.number, card.exp_month, card.exp_year, card.cardholder_name ?? null),
  }),
  handle: async ({ db, params, query, body, request }) =>
    renderConfirmResult(
      await confirmIntent(db, {
        intentId: params.id,
        clientSecret: clientSecretOf(request, query),
        card: {
          number: body.card.number,
          expMonth: body.card.exp_month,
          expYear: body.card.exp_year,
          cvc: body.card.cvv,
          name: body.card.cardholder_name ?? null,
        },
        customerEmail: body.customer_email ?? null,
        buyerLocale: localeFromAcceptLanguage(request.headers.get("accept-language")),
        // Its front end has no 3-D Secure step: its contract knows only captured, authorized or a 402.
        canAuthenticate: false,
      }),
    ),
});

export const OPTIONS = corsPreflight(["POST"]);
export const { GET, PUT, PATCH, DELETE } = otherMethods(gatewayDialect, { POST });
