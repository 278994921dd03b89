import { cardIdentity } from "@/lib/checkout/card-identity";
import { confirmIntent } from "@/lib/checkout/confirm-intent";
import { nativeDialect } from "@/lib/dialects/native/dialect";
import { renderConfirmResult } from "@/lib/dialects/native/render-confirm";
import { confirmIntentBody, intentParams } from "@/lib/dialects/native/schemas";
import { apiRoute } from "@/lib/http/api-route";
import { localeFromAcceptLanguage } from "@/lib/i18n/locales";
import { otherMethods } from "@/lib/http/route-methods";

/** The Payment API the checkout page calls: authenticated by the intent's client_secret, not a key. */
export const POST = apiRoute({
  dialect: nativeDialect,
  auth: "public",
  params: intentParams,
  body: confirmIntentBody,
  idempotency: "external",
  idempotencyBody: ({ client_secret, card }) => ({ client_secret, card: cardIdentity(card.number, card.exp_month, card.exp_year, card.name) }),
  handle: async ({ db, params, body, request }) => {
    const result = await confirmIntent(db, {
      intentId: params.id,
      clientSecret: body.client_secret,
      card: {
        number: body.card.number,
        expMonth: body.card.exp_month,
        expYear: body.card.exp_year,
        cvc: body.card.cvc,
        name: body.card.name,
      },
      customerEmail: body.customer_email ?? null,
      buyerLocale: localeFromAcceptLanguage(request.headers.get("accept-language")),
    });
    return renderConfirmResult(result);
  },
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(nativeDialect, { POST });
