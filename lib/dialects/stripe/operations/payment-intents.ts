import { cardIdentity } from "@/lib/checkout/card-identity";
import { getDialectObject } from "@/lib/dialect-objects/get-dialect-object";
import { cancelIntent } from "@/lib/intents/cancel-intent";
import { captureIntent } from "@/lib/intents/capture-intent";
import { withDetail } from "@/lib/intents/intent-details";
import { listIntents } from "@/lib/intents/list-intents";
import { getIntentDetails } from "@/lib/intents/read-intent-details";
import { updateIntent } from "@/lib/intents/update-intent";
import { toAppError } from "@/lib/http/api-route";
import { actorOf } from "@/lib/http/principal";
import { stripeDialect } from "../dialect";
import { confirmPaymentIntent, createPaymentIntent } from "../actions/payment-intents";
import { expansions } from "../expand";
import { metadataPatch, oneCursor } from "../params";
import { list } from "../render/common";
import { renderConfirmResult } from "../render/confirm-result";
import { renderPaymentIntent } from "../render/payment-intent";
import {
  cancelPaymentIntentBody,
  capturePaymentIntentBody,
  confirmPaymentIntentBody,
  createPaymentIntentBody,
  listPaymentIntentsQuery,
  retrieveQuery,
  updatePaymentIntentBody,
  type paymentMethodData,
} from "../schemas/payment-intents";
import { idParams } from "../params";
import { ok, stripeOperation } from "./route";
import type { z } from "zod";

const latestCharge = (expand: string[] | undefined, list = false) => ({ latestCharge: expansions(expand, ["latest_charge"], { list }).has("latest_charge") });

/** What identifies a payment request for Idempotency-Key: the card as its fingerprint, never its number. */
function withoutCardNumber<B extends { payment_method_data?: z.infer<typeof paymentMethodData> }>(body: B) {
  const card = body.payment_method_data?.card;
  if (!card) return body;
  return { ...body, payment_method_data: { ...body.payment_method_data, card: cardIdentity(card.number, card.exp_month, card.exp_year, null) } };
}

export const create = stripeOperation({
  body: createPaymentIntentBody,
  idempotency: "external",
  idempotencyBody: withoutCardNumber,
  handle: async ({ db, auth, body, request, requestId }) => {
    const expand = latestCharge(body.expand);
    const intent = await createPaymentIntent(db, auth.account, body, actorOf(auth));
    if (!body.confirm) return ok(renderPaymentIntent(await withDetail(db, intent), expand));
    try {
      return renderConfirmResult(await confirmPaymentIntent(db, auth.account, intent.id, body), expand);
    } catch (error) {
      // The intent exists now: whatever the confirm met is this key's answer, so a retry replays it
      // instead of making a second intent and charging the card again (as Stripe keeps even a 500).
      return stripeDialect.renderError(toAppError(error, request, requestId));
    }
  },
});

export const listAll = stripeOperation({
  query: listPaymentIntentsQuery,
  handle: async ({ db, auth, query }) => {
    oneCursor(query);
    const expand = latestCharge(query.expand, true);
    const page = await listIntents(db, auth.owner, {
      limit: query.limit ?? 10,
      startingAfter: query.starting_after,
      endingBefore: query.ending_before,
      ...(query.customer ? { dialectDataMatches: { customer: query.customer } } : {}),
    });
    return ok(list("/v1/payment_intents", page.intents.map((intent) => renderPaymentIntent(intent, expand)), page.hasMore));
  },
});

export const retrieve = stripeOperation({
  params: idParams,
  query: retrieveQuery,
  handle: async ({ db, auth, params, query }) => ok(renderPaymentIntent(await getIntentDetails(db, auth.owner, params.id), latestCharge(query.expand))),
});

export const update = stripeOperation({
  params: idParams,
  body: updatePaymentIntentBody,
  handle: async ({ db, auth, params, body }) => {
    const expand = latestCharge(body.expand);
    const capture = body.capture_method === undefined ? undefined : body.capture_method === "manual" ? "manual" : "automatic";
    if (body.customer) await getDialectObject(db, auth.owner, "stripe", "customer", body.customer, "customer");
    const intent = await updateIntent(db, auth.owner, params.id, {
      amount: body.amount,
      currency: body.currency,
      captureMethod: capture,
      description: body.description === undefined ? undefined : body.description || null,
      customerEmail: body.receipt_email === undefined ? undefined : body.receipt_email || null,
      metadata: metadataPatch(body.metadata),
      dialectData: {
        ...(body.payment_method !== undefined ? { payment_method: body.payment_method } : {}),
        ...(body.customer !== undefined ? { customer: body.customer } : {}),
      },
    });
    return ok(renderPaymentIntent(await withDetail(db, intent), expand));
  },
});

export const confirm = stripeOperation({
  params: idParams,
  body: confirmPaymentIntentBody,
  idempotency: "external",
  idempotencyBody: withoutCardNumber,
  handle: async ({ db, auth, params, body }) => renderConfirmResult(await confirmPaymentIntent(db, auth.account, params.id, body), latestCharge(body.expand)),
});

export const capture = stripeOperation({
  params: idParams,
  body: capturePaymentIntentBody,
  idempotency: "external",
  handle: async ({ db, auth, params, body }) => {
    const expand = latestCharge(body.expand);
    let intent = await captureIntent(db, auth.owner, params.id, body.amount_to_capture, actorOf(auth));
    if (body.metadata !== undefined) intent = await updateIntent(db, auth.owner, params.id, { metadata: metadataPatch(body.metadata) });
    return ok(renderPaymentIntent(await withDetail(db, intent), expand));
  },
});

export const cancel = stripeOperation({
  params: idParams,
  body: cancelPaymentIntentBody,
  idempotency: "external",
  handle: async ({ db, auth, params, body }) => {
    const intent = await cancelIntent(db, auth.owner, params.id, actorOf(auth), body.cancellation_reason ?? null);
    return ok(renderPaymentIntent(await withDetail(db, intent), latestCharge(body.expand)));
  },
});

