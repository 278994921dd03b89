import { describe, expect, it } from "vitest";
import { callRoute } from "@/lib/testing/call-route";
import { createTestMerchant, payIntent, validIntent, type TestMerchant } from "@/lib/testing/fixtures";
import * as intents from "../payment-intents/route";
import * as single from "../payment-intents/[id]/route";
import * as capture from "../payment-intents/[id]/capture/route";
import * as voidRoute from "../payment-intents/[id]/void/route";
import * as cancel from "../payment-intents/[id]/cancel/route";
import * as refunds from "../payment-intents/[id]/refunds/route";
import * as shopPayment from "../payments/[id]/route";

async function paidIntent(merchant: TestMerchant, extra: Record<string, unknown> = {}) {
  const { body } = await callRoute(intents.POST, { path: "/api/v1/payment-intents", body: { ...validIntent, ...extra }, headers: merchant.auth });
  await payIntent(body.id);
  return body.id as string;
}

const post = (handler: typeof capture.POST, merchant: TestMerchant, id: string, action: string, body: unknown = {}, headers: Record<string, string> = {}) =>
  callRoute(handler, { path: `/api/v1/payment-intents/${id}/${action}`, params: { id }, headers: { ...merchant.auth, ...headers }, body });

describe("manual capture", () => {
  it("leaves a paid intent authorized until captured in full", async () => {
    const merchant = await createTestMerchant();
    const id = await paidIntent(merchant, { capture_method: "manual" });
    const before = await callRoute(single.GET, { path: `/api/v1/payment-intents/${id}`, params: { id }, headers: merchant.auth });
    expect(before.body).toMatchObject({ status: "authorized", amount_captured: 0, authorized_at: expect.any(String) });
    const captured = await post(capture.POST, merchant, id, "capture");
    expect(captured.status).toBe(200);
    expect(captured.body).toMatchObject({ status: "succeeded", amount_captured: 9999 });
    const again = await post(capture.POST, merchant, id, "capture");
    expect(again.status).toBe(422);
    expect(again.body.error.message).toMatch(/already been captured/);
  });

  it("captures part and releases the rest, so refunds are limited to the part", async () => {
    const merchant = await createTestMerchant();
    const id = await paidIntent(merchant, { capture_method: "manual" });
    const captured = await post(capture.POST, merchant, id, "capture", { amount_to_capture: 5000 });
    expect(captured.body).toMatchObject({ status: "succeeded", amount: 9999, amount_captured: 5000 });
    const tooMuch = await post(refunds.POST, merchant, id, "refunds", { amount: 5001 });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.error).toMatchObject({ code: "refund_exceeds_captured", refundable: 5000 });
  });

  it.each([
    ["more than authorized", { amount_to_capture: 10_000 }, 400, "amount_invalid"],
    ["a decimal amount", { amount_to_capture: 50.5 }, 400, "amount_invalid"],
    ["zero", { amount_to_capture: 0 }, 400, "amount_invalid"],
  ])("answers %s with a %s", async (_name, body, status, code) => {
    const merchant = await createTestMerchant();
    const id = await paidIntent(merchant, { capture_method: "manual" });
    const response = await post(capture.POST, merchant, id, "capture", body);
    expect(response.status).toBe(status);
    expect(response.body.error).toMatchObject({ code, param: "amount_to_capture" });
  });

  it("refuses to capture an intent that is not authorized", async () => {
    const merchant = await createTestMerchant();
    const { body: open } = await callRoute(intents.POST, { path: "/api/v1/payment-intents", body: validIntent, headers: merchant.auth });
    expect((await post(capture.POST, merchant, open.id, "capture")).status).toBe(422);
    await post(cancel.POST, merchant, open.id, "cancel");
    const canceled = await post(capture.POST, merchant, open.id, "capture");
    expect(canceled.status).toBe(422);
    expect(canceled.body.error).toMatchObject({ code: "intent_unexpected_state", status: "canceled" });
  });

  it("voids an authorization, and cancel on an authorized intent voids it too", async () => {
    const merchant = await createTestMerchant();
    const first = await paidIntent(merchant, { capture_method: "manual" });
    const voided = await post(voidRoute.POST, merchant, first, "void");
    expect(voided.body).toMatchObject({ status: "canceled", cancellation_reason: "void", amount_captured: 0 });
    expect((await post(voidRoute.POST, merchant, first, "void")).status).toBe(422);
    expect((await post(capture.POST, merchant, first, "capture")).status).toBe(422);

    const second = await paidIntent(merchant, { capture_method: "manual" });
    const canceled = await post(cancel.POST, merchant, second, "cancel");
    expect(canceled.body).toMatchObject({ status: "canceled", cancellation_reason: "void" });
  });

  it("will not void a captured payment", async () => {
    const merchant = await createTestMerchant();
    const id = await paidIntent(merchant);
    const response = await post(voidRoute.POST, merchant, id, "void");
    expect(response.status).toBe(422);
    expect(response.body.error.message).toMatch(/only authorized intents can be voided/);
  });
});

describe("refunds", () => {
  it("refunds in full by default, once", async () => {
    const merchant = await createTestMerchant();
    const id = await paidIntent(merchant);
    const refund = await post(refunds.POST, merchant, id, "refunds", { reason: "requested_by_customer" });
    expect(refund.status).toBe(201);
    expect(refund.body).toMatchObject({ object: "refund", payment_intent: id, amount: 9999, status: "succeeded", reason: "requested_by_customer" });
    const again = await post(refunds.POST, merchant, id, "refunds");
    expect(again.status).toBe(422);
    expect(again.body.error.message).toBe("This payment has already been refunded in full.");
    const read = await callRoute(single.GET, { path: `/api/v1/payment-intents/${id}`, params: { id }, headers: merchant.auth });
    expect(read.body).toMatchObject({ status: "succeeded", amount_refunded: 9999 });
  });

  it("takes several partial refunds up to what was captured, and lists them", async () => {
    const merchant = await createTestMerchant();
    const id = await paidIntent(merchant);
    for (const amount of [1000, 2500, 6499]) expect((await post(refunds.POST, merchant, id, "refunds", { amount })).status).toBe(201);
    const over = await post(refunds.POST, merchant, id, "refunds", { amount: 1 });
    expect(over.status).toBe(422);
    const list = await callRoute(refunds.GET, { path: `/api/v1/payment-intents/${id}/refunds`, params: { id }, headers: merchant.auth });
    expect(list.body.data.map((r: { amount: number }) => r.amount).sort()).toEqual([1000, 2500, 6499]);
  });

  it("never refunds more than was captured when refunds race", async () => {
    const merchant = await createTestMerchant();
    const id = await paidIntent(merchant);
    const answers = await Promise.all(Array.from({ length: 10 }, () => post(refunds.POST, merchant, id, "refunds", { amount: 2000 })));
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(4);
    expect(answers.filter((answer) => answer.status === 422)).toHaveLength(6);
    const read = await callRoute(single.GET, { path: `/api/v1/payment-intents/${id}`, params: { id }, headers: merchant.auth });
    expect(read.body.amount_refunded).toBe(8000);
  });

  it("makes one refund for a retried Idempotency-Key", async () => {
    const merchant = await createTestMerchant();
    const id = await paidIntent(merchant);
    const headers = { "idempotency-key": "refund-1" };
    const [a, b] = await Promise.all([
      post(refunds.POST, merchant, id, "refunds", { amount: 100 }, headers),
      post(refunds.POST, merchant, id, "refunds", { amount: 100 }, headers),
    ]);
    expect(b.body).toEqual(a.body);
    const list = await callRoute(refunds.GET, { path: `/api/v1/payment-intents/${id}/refunds`, params: { id }, headers: merchant.auth });
    expect(list.body.data).toHaveLength(1);
  });

  it("refuses refunds of unpaid intents and of another merchant's", async () => {
    const merchant = await createTestMerchant();
    const stranger = await createTestMerchant();
    const { body: open } = await callRoute(intents.POST, { path: "/api/v1/payment-intents", body: validIntent, headers: merchant.auth });
    expect((await post(refunds.POST, merchant, open.id, "refunds")).status).toBe(422);
    const id = await paidIntent(merchant);
    expect((await post(refunds.POST, stranger, id, "refunds")).status).toBe(404);
    expect((await post(refunds.POST, merchant, id, "refunds", { amount: -5 })).status).toBe(400);
  });

  it("shows the shop dialect's payment as refunded only once fully refunded", async () => {
    const merchant = await createTestMerchant();
    const id = await paidIntent(merchant);
    const shopStatus = async () =>
      (await callRoute(shopPayment.GET, { path: `/api/v1/payments/${id}`, params: { id }, headers: merchant.auth })).body.status;
    await post(refunds.POST, merchant, id, "refunds", { amount: 4000 });
    expect(await shopStatus()).toBe("completed");
    await post(refunds.POST, merchant, id, "refunds");
    expect(await shopStatus()).toBe("refunded");
  });
});
