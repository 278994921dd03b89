import { createIntent } from "@/lib/intents/create-intent";
import { mutopayDialect } from "@/lib/dialects/mutopay/dialect";
import { toNewIntent } from "@/lib/dialects/mutopay/map-payment";
import { renderPayment } from "@/lib/dialects/mutopay/render";
import { createPaymentBody } from "@/lib/dialects/mutopay/schemas";
import { created } from "@/lib/http/api-result";
import { apiRoute } from "@/lib/http/api-route";
import { actorOf } from "@/lib/http/principal";
import { otherMethods } from "@/lib/http/route-methods";

/** Seed 004: create a payment link; priced in USD, or converted from another currency. */
export const POST = apiRoute({
  dialect: mutopayDialect,
  auth: "secret_key",
  body: createPaymentBody,
  handle: async ({ db, auth, body }) =>
    created(renderPayment(await createIntent(db, auth.account, toNewIntent(body), actorOf(auth)))),
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(mutopayDialect, { POST });
