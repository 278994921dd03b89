import { exchangeConnectToken } from "@/lib/accounts/exchange-connect-token";
import { mutopayDialect } from "@/lib/dialects/mutopay/dialect";
import { connectExchangeBody } from "@/lib/dialects/mutopay/schemas";
import { ok } from "@/lib/http/api-result";
import { apiRoute } from "@/lib/http/api-route";
import { otherMethods } from "@/lib/http/route-methods";

/** A connected shop collects its key and webhook secret with the one-time token it was sent back with. */
export const POST = apiRoute({
  dialect: mutopayDialect,
  auth: "public",
  body: connectExchangeBody,
  // The answer is a pair of secrets: never stored, so never replayed.
  idempotency: "none",
  handle: async ({ db, body }) => ok(await exchangeConnectToken(db, body.token)),
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(mutopayDialect, { POST });
