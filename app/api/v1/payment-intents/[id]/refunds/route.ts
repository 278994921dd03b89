import { listRefunds, refundIntent } from "@/lib/intents/refund-intent";
import { nativeDialect } from "@/lib/dialects/native/dialect";
import { renderRefund } from "@/lib/dialects/native/render";
import { createRefundBody, intentParams } from "@/lib/dialects/native/schemas";
import { created, ok } from "@/lib/http/api-result";
import { apiRoute } from "@/lib/http/api-route";
import { actorOf } from "@/lib/http/principal";
import { otherMethods } from "@/lib/http/route-methods";

/** Refunds all that is left, or `amount` of it; never more than was captured. */
export const POST = apiRoute({
  dialect: nativeDialect,
  auth: "secret_key",
  params: intentParams,
  body: createRefundBody,
  idempotency: "external",
  handle: async ({ db, auth, params, body }) =>
    created(renderRefund(await refundIntent(db, auth.owner, params.id, { amount: body.amount, reason: body.reason, txHash: body.tx_hash }, actorOf(auth)))),
});

export const GET = apiRoute({
  dialect: nativeDialect,
  auth: "secret_key",
  params: intentParams,
  handle: async ({ db, auth, params }) =>
    ok({ object: "list", data: (await listRefunds(db, auth.owner, params.id)).map(renderRefund) }),
});

export const { PUT, PATCH, DELETE } = otherMethods(nativeDialect, { GET, POST });
