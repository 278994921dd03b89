import { createIntent } from "@/lib/intents/create-intent";
import { mintroDialect, ok } from "@/lib/dialects/mintro/dialect";
import { toNewIntent } from "@/lib/dialects/mintro/map-intent";
import { renderIntent } from "@/lib/dialects/mintro/render";
import { createIntentBody } from "@/lib/dialects/mintro/schemas";
import { apiRoute } from "@/lib/http/api-route";
import { actorOf } from "@/lib/http/principal";
import { otherMethods } from "@/lib/http/route-methods";

/** Seed 001: create a payment intent and get its payment_url. */
export const POST = apiRoute({
  dialect: mintroDialect,
  auth: "secret_key",
  body: createIntentBody,
  handle: async ({ db, auth, body }) => ok(renderIntent(await createIntent(db, auth.account, toNewIntent(body), actorOf(auth)))),
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(mintroDialect, { POST });
