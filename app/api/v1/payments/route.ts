import { createIntent } from "@/lib/intents/create-intent";
import { shopDialect } from "@/lib/dialects/shop/dialect";
import { toNewIntent } from "@/lib/dialects/shop/map-payment";
import { renderPayment } from "@/lib/dialects/shop/render";
import { createPaymentBody } from "@/lib/dialects/shop/schemas";
import { ok } from "@/lib/http/api-result";
import { apiRoute } from "@/lib/http/api-route";
import { actorOf } from "@/lib/http/principal";
import { otherMethods } from "@/lib/http/route-methods";

/** Seed 003: create a payment (200, as the seed documents) and send the buyer to its checkout_url. */
export const POST = apiRoute({
  dialect: shopDialect,
  auth: "secret_key",
  body: createPaymentBody,
  handle: async ({ db, auth, body }) => ok(renderPayment(await createIntent(db, auth.account, toNewIntent(body), actorOf(auth)))),
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(shopDialect, { POST });
