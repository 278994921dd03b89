import type { Refund } from "@/db/schema";
import type { Db } from "@/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";
import { findAttempt } from "@/lib/intents/find-attempt";
import { getRefund, listMerchantRefunds } from "@/lib/intents/list-merchant-refunds";
import { paidAttempt } from "@/lib/intents/paid-attempt";
import { refundIntent } from "@/lib/intents/refund-intent";
import { actorOf } from "@/lib/http/principal";
import { expansions } from "../expand";
import { attemptIdOfCharge, chargeIdOf } from "../ids";
import { idParams, oneCursor } from "../params";
import { list } from "../render/common";
import { renderRefund } from "../render/refund";
import { createRefundBody, listRefundsQuery, retrieveRefundQuery } from "../schemas/refunds";
import { ok, stripeOperation } from "./route";
import { type Owner } from "@/db/owner";

/** The intent a charge id names: its attempt's. */
async function intentOfCharge(db: Db, owner: Owner, chargeId: string, param: string): Promise<string> {
  const attemptId = attemptIdOfCharge(chargeId);
  const attempt = attemptId ? await findAttempt(db, owner, attemptId) : null;
  if (!attempt) throw notFound("charge", chargeId, param);
  return attempt.intentId;
}

async function rendered(db: Db, refund: Refund) {
  const attempt = await paidAttempt(db, refund.merchantId, refund.intentId);
  return renderRefund(refund, attempt ? chargeIdOf(attempt.id) : null);
}

export const create = stripeOperation({
  body: createRefundBody,
  idempotency: "external",
  handle: async ({ db, auth, body }) => {
    expansions(body.expand, []);
    if (Boolean(body.payment_intent) === Boolean(body.charge)) {
      throw new AppError("parameter_missing", "Refunds need exactly one of payment_intent and charge.", { param: "payment_intent" });
    }
    const intentId = body.payment_intent ?? (await intentOfCharge(db, auth.owner, body.charge!, "charge"));
    const refund = await refundIntent(db, auth.owner, intentId, { amount: body.amount, reason: body.reason ?? null, metadata: body.metadata ?? {} }, actorOf(auth));
    return ok(await rendered(db, refund));
  },
});

export const listAll = stripeOperation({
  query: listRefundsQuery,
  handle: async ({ db, auth, query }) => {
    oneCursor(query);
    expansions(query.expand, [], { list: true });
    const intentId = query.payment_intent ?? (query.charge ? await intentOfCharge(db, auth.owner, query.charge, "charge") : undefined);
    const page = await listMerchantRefunds(db, auth.owner, { limit: query.limit ?? 10, startingAfter: query.starting_after, endingBefore: query.ending_before, intentId });
    return ok(list("/v1/refunds", await Promise.all(page.items.map((refund) => rendered(db, refund))), page.hasMore));
  },
});

export const retrieve = stripeOperation({
  params: idParams,
  query: retrieveRefundQuery,
  handle: async ({ db, auth, params, query }) => {
    expansions(query.expand, []);
    return ok(await rendered(db, await getRefund(db, auth.owner, params.id)));
  },
});

