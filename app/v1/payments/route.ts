import { createIntent } from "@/lib/intents/create-intent";
import { data, mintDialect } from "@/lib/dialects/mint/dialect";
import { toNewIntent } from "@/lib/dialects/mint/map-payment";
import { renderPayment } from "@/lib/dialects/mint/render";
import { createPaymentBody } from "@/lib/dialects/mint/schemas";
import { apiRoute } from "@/lib/http/api-route";
import { actorOf } from "@/lib/http/principal";
import { otherMethods } from "@/lib/http/route-methods";

/** Seed 000: create a payment against one of the merchant's checkouts. */
export const POST = apiRoute({
  dialect: mintDialect,
  auth: "secret_key",
  body: createPaymentBody,
  handle: async ({ db, auth, body }) => {
    const intent = await createIntent(db, auth.account, await toNewIntent(db, auth.owner, body), actorOf(auth));
    return data(renderPayment(intent), 201);
  },
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(mintDialect, { POST });
