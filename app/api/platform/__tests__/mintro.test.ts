import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { merchants } from "@/db/schema";
import { callRoute } from "@/lib/testing/call-route";
import { createTestMerchant, payIntent, validIntent } from "@/lib/testing/fixtures";
import * as intents from "../intents/route";
import * as intent from "../intents/[id]/route";
import * as cancel from "../intents/[id]/cancel/route";
import * as byReference from "../intents/reference/[reference_id]/route";
import * as cancelSubscription from "../subscriptions/[id]/cancel/route";
import * as nativeIntents from "../../v1/payment-intents/route";

/** The body of seed 001's cURL example, as written. */
const seedExample = {
  amount: 80,
  currency: "USD",
  intent_type: "recurring",
  interval_days: 30,
  email: "customer@example.com",
  name: "John Doe",
  reference_id: "ORDER-123456",
  customer_ref_id: "CUST-001",
  integration_type: "iframe",
  success_url: "https://example.com/success",
  cancel_url: "https://example.com/cancel",
  metadata: { internal_id: "999" },
  order_items: [{ name: "Product 1", quantity: 1, price: 50.0 }],
};

const oneTime = {
  amount: "19.99",
  currency: "EUR",
  intent_type: "one_time",
  email: "ada@example.com",
  name: "Ada Buyer",
  reference_id: "ORDER-1",
  integration_type: "url",
  success_url: "https://shop.example/success",
  cancel_url: "https://shop.example/cancel",
  tax: 1.5,
  discount: "2.00",
  order_items: [{ name: "Mug", quantity: 2, price: 9.5 }],
};

function create(headers: Record<string, string>, body: unknown, extra: Record<string, string> = {}) {
  return callRoute(intents.POST, { path: "/api/platform/intents", body, headers: { ...headers, ...extra } });
}

describe("POST /api/platform/intents", () => {
  it("accepts seed 001's cURL example as written", async () => {
    const { mintroAuth } = await createTestMerchant();
    const response = await create(mintroAuth, seedExample, { "idempotency-key": "2b244b3a-897f-4f3e-ad70-69ea39635b9e" });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      success: true,
      data: { status: "requires_payment", amount: "80.00", payment_url: expect.stringMatching(/^http:\/\/kassa\.test\/pay\/pi_/) },
    });
    expect(response.body.data.intent_id).toMatch(/^pi_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it("keeps decimals exact and answers amounts as strings", async () => {
    const { mintroAuth } = await createTestMerchant();
    const { body } = await create(mintroAuth, oneTime);
    expect(body.data).toMatchObject({
      amount: "19.99",
      currency: "EUR",
      tax: "1.50",
      discount: "2.00",
      type: "one_time",
      interval_days: null,
      integration_type: "url",
      order_items: [{ name: "Mug", quantity: 2, price: "9.50" }],
    });
  });

  it("answers every missing required field at once in the 422 shape", async () => {
    const { mintroAuth } = await createTestMerchant();
    const response = await create(mintroAuth, {});
    expect(response.status).toBe(422);
    expect(response.body.message).toBe("The given data was invalid.");
    expect(response.body.errors).toMatchObject({
      amount: ["The amount field is required."],
      currency: ["The currency field is required."],
      intent_type: ["The intent type field is required."],
      email: ["The email field is required."],
      name: ["The name field is required."],
      reference_id: ["The reference id field is required."],
      order_items: ["The order items field is required."],
      integration_type: ["The integration type field is required."],
    });
    expect(Object.keys(response.body)).toEqual(["message", "errors"]);
  });

  it.each([
    [{ email: "not-an-email" }, "email", "The email must be a valid email address."],
    [{ amount: 0.5 }, "amount", "The amount must be at least 1."],
    [{ amount: "abc" }, "amount", "The amount must be a number."],
    [{ amount: 19.999 }, "amount", "The amount must not have more than 2 decimal places."],
    [{ reference_id: "ORDER 1" }, "reference_id", "The reference id format is invalid."],
    [{ reference_id: "R".repeat(101) }, "reference_id", "The reference id must not be greater than 100 characters."],
    [{ customer_ref_id: "C".repeat(101) }, "customer_ref_id", "The customer ref id must not be greater than 100 characters."],
    [{ intent_type: "monthly" }, "intent_type", "The selected intent type is invalid."],
    [{ intent_type: "recurring" }, "interval_days", "The interval days field is required when intent type is recurring."],
    [{ intent_type: "recurring", interval_days: 0 }, "interval_days", "The interval days must be at least 1."],
    [{ integration_type: "popup" }, "integration_type", "The selected integration type is invalid."],
    [{ success_url: null }, "success_url", "The success url field is required when integration type is url."],
    [{ cancel_url: "not a url" }, "cancel_url", "The cancel url must be a valid URL."],
    [{ order_items: [{ name: "Mug", quantity: 0, price: 1 }] }, "order_items.0.quantity", "The order items.0.quantity must be at least 1."],
    [{ order_items: [{ quantity: 1, price: 1 }] }, "order_items.0.name", "The order items.0.name field is required."],
    [{ amount: 10 }, "amount", "The amount must be at least the order total (order items + tax − discount)."],
    [{ discount: 100 }, "discount", "The discount must not be greater than the order items plus tax."],
    [{ currency: "EURO" }, "currency", "The currency must be a valid ISO 4217 currency code."],
  ])("answers 422 for %j", async (change, field, message) => {
    const { mintroAuth } = await createTestMerchant();
    const response = await create(mintroAuth, { ...oneTime, ...change });
    expect(response.status).toBe(422);
    expect(response.body).toEqual({ message: "The given data was invalid.", errors: { [field]: [message] } });
  });

  it("refuses a reference_id the merchant already used, but not another merchant's", async () => {
    const a = await createTestMerchant();
    const b = await createTestMerchant();
    await create(a.mintroAuth, oneTime);
    const again = await create(a.mintroAuth, oneTime);
    expect(again.status).toBe(422);
    expect(again.body.errors).toEqual({ reference_id: ["The reference id has already been taken."] });
    expect((await create(b.mintroAuth, oneTime)).status).toBe(200);
  });

  it("refuses an amount under the merchant's minimum and names the minimum", async () => {
    const { mintroAuth, merchant } = await createTestMerchant();
    const db = await getDb();
    await db.update(merchants).set({ minimumAmounts: { EUR: 2500 } }).where(eq(merchants.id, merchant.id));
    const response = await create(mintroAuth, oneTime);
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual({ amount: ["The amount must be at least 25.00."] });
  });

  it.each<[Record<string, string>, string]>([
    [{}, "no credentials"],
    [{ "x-client-id": "ck_test_nope", "x-client-secret": "sk_test_nope" }, "unknown credentials"],
  ])("answers 401 in the seed's error shape for %j (%s)", async (headers) => {
    const response = await create(headers, oneTime);
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ success: false, message: "Invalid API Key provided.", data: [] });
  });

  it("answers 401 when the client id does not belong to the secret", async () => {
    const a = await createTestMerchant();
    const b = await createTestMerchant();
    const response = await create({ "x-client-id": b.apiKey.clientId, "x-client-secret": a.secretKey }, oneTime);
    expect(response.status).toBe(401);
  });

  it("answers 403 for a suspended merchant", async () => {
    const { mintroAuth, merchant } = await createTestMerchant();
    const db = await getDb();
    await db.update(merchants).set({ status: "suspended" }).where(eq(merchants.id, merchant.id));
    const response = await create(mintroAuth, oneTime);
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ success: false, data: [] });
  });
});

describe("reading and cancelling", () => {
  it("reads an intent by its id, by its bare UUID and by reference", async () => {
    const { mintroAuth } = await createTestMerchant();
    const { body: created } = await create(mintroAuth, seedExample);
    const id = created.data.intent_id as string;
    for (const param of [id, id.slice(3)]) {
      const read = await callRoute(intent.GET, { path: `/api/platform/intents/${param}`, params: { id: param }, headers: mintroAuth });
      expect(read.status).toBe(200);
      expect(read.body.data).toMatchObject({
        intent_id: id,
        reference_id: "ORDER-123456",
        amount: "80.00",
        currency: "USD",
        status: "requires_payment",
        type: "recurring",
        interval_days: 30,
        tax: "0.00",
        discount: "0.00",
        order_items: [{ name: "Product 1", quantity: 1, price: "50.00" }],
      });
      expect(read.body.data.expires_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    }
    const byRef = await callRoute(byReference.GET, {
      path: "/api/platform/intents/reference/ORDER-123456",
      params: { reference_id: "ORDER-123456" },
      headers: mintroAuth,
    });
    expect(byRef.body.data.intent_id).toBe(id);
  });

  it("answers 404 in the seed's shape for an unknown or foreign intent", async () => {
    const a = await createTestMerchant();
    const b = await createTestMerchant();
    const { body } = await create(a.mintroAuth, oneTime);
    const foreign = await callRoute(intent.GET, {
      path: `/api/platform/intents/${body.data.intent_id}`,
      params: { id: body.data.intent_id },
      headers: b.mintroAuth,
    });
    expect(foreign.status).toBe(404);
    expect(foreign.body).toMatchObject({ success: false, data: [] });
    const unknownRef = await callRoute(byReference.GET, { path: "/api/platform/intents/reference/NOPE", params: { reference_id: "NOPE" }, headers: a.mintroAuth });
    expect(unknownRef.status).toBe(404);
  });

  it("cancels a pending intent once, then answers 400", async () => {
    const { mintroAuth } = await createTestMerchant();
    const { body } = await create(mintroAuth, oneTime);
    const id = body.data.intent_id;
    const call = () => callRoute(cancel.POST, { path: `/api/platform/intents/${id}/cancel`, params: { id }, headers: mintroAuth, body: {} });
    const first = await call();
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ success: true, data: { intent_id: id, status: "cancelled" } });
    const second = await call();
    expect(second.status).toBe(400);
    expect(second.body).toMatchObject({ success: false, data: [] });
  });

  it("reads an intent created in another dialect", async () => {
    const { auth, mintroAuth } = await createTestMerchant();
    const native = await callRoute(nativeIntents.POST, { path: "/api/v1/payment-intents", body: validIntent, headers: auth });
    const read = await callRoute(intent.GET, { path: `/api/platform/intents/${native.body.id}`, params: { id: native.body.id }, headers: mintroAuth });
    expect(read.status).toBe(200);
    expect(read.body.data).toMatchObject({ intent_id: native.body.id, amount: "99.99", status: "requires_payment", type: "one_time" });
  });
});

describe("recurring intents", () => {
  it("start a subscription once paid, which can be cancelled once", async () => {
    const { mintroAuth } = await createTestMerchant();
    const { body } = await create(mintroAuth, seedExample);
    const id = body.data.intent_id;
    await payIntent(id);
    const read = await callRoute(intent.GET, { path: `/api/platform/intents/${id}`, params: { id }, headers: mintroAuth });
    expect(read.body.data.status).toBe("succeeded");
    const subscriptionId = read.body.data.subscription_id as string;
    expect(subscriptionId).toMatch(/^sub_[0-9a-f-]{36}$/);

    const call = () =>
      callRoute(cancelSubscription.POST, {
        path: `/api/platform/subscriptions/${subscriptionId}/cancel`,
        params: { id: subscriptionId },
        headers: mintroAuth,
        body: {},
      });
    const first = await call();
    expect(first.body).toEqual({ success: true, data: { subscription_id: subscriptionId, status: "cancelled" } });
    const second = await call();
    expect(second.status).toBe(400);
  });

  it("do not start a subscription when declined", async () => {
    const { mintroAuth } = await createTestMerchant();
    const { body } = await create(mintroAuth, { ...seedExample, reference_id: "ORDER-DECLINED" });
    await payIntent(body.data.intent_id, "4000000000009995");
    const read = await callRoute(intent.GET, { path: `/api/platform/intents/${body.data.intent_id}`, params: { id: body.data.intent_id }, headers: mintroAuth });
    expect(read.body.data).toMatchObject({ status: "requires_payment", subscription_id: null });
  });
});
