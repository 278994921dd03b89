import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { events, idempotencyKeys, paymentIntents } from "@/db/schema";
import { callRoute } from "@/lib/testing/call-route";
import { createTestMerchant, validIntent } from "@/lib/testing/fixtures";
import * as collection from "../payment-intents/route";
import * as single from "../payment-intents/[id]/route";
import * as cancel from "../payment-intents/[id]/cancel/route";

const create = (auth: Record<string, string>, body: unknown, headers: Record<string, string> = {}) =>
  callRoute(collection.POST, { path: "/api/v1/payment-intents", body, headers: { ...auth, ...headers } });

/** Rows this merchant owns; other test files write to the same database at the same time. */
async function tableCounts(merchantId: string) {
  const db = await getDb();
  const [intents] = await db.select({ n: count() }).from(paymentIntents).where(eq(paymentIntents.merchantId, merchantId));
  const [audit] = await db.select({ n: count() }).from(events).where(eq(events.merchantId, merchantId));
  const [keys] = await db.select({ n: count() }).from(idempotencyKeys).where(eq(idempotencyKeys.scope, `merchant:${merchantId}`));
  return { intents: intents!.n, events: audit!.n, idempotencyKeys: keys!.n };
}

describe("POST /api/v1/payment-intents", () => {
  it("creates an intent awaiting payment with a checkout_url carrying the client_secret", async () => {
    const { auth } = await createTestMerchant();
    const response = await create(auth, {
      ...validIntent,
      description: "Blue mug",
      reference_id: "order_1042",
      customer_email: "buyer@example.com",
      line_items: [{ name: "Blue mug", quantity: 1, unit_amount: 9999 }],
      metadata: { order: "1042" },
    });
    expect(response.status).toBe(201);
    const intent = response.body;
    expect(intent).toMatchObject({
      object: "payment_intent",
      amount: 9999,
      currency: "USD",
      status: "requires_payment_method",
      ui_mode: "hosted",
      capture_method: "automatic",
      reference_id: "order_1042",
      line_items: [{ name: "Blue mug", quantity: 1, unit_amount: 9999, amount: 9999 }],
      metadata: { order: "1042" },
      last_error: null,
      attempts: [],
      payment_method: null,
    });
    expect(intent.id).toMatch(/^pi_\w{24}$/);
    expect(intent.client_secret).toMatch(new RegExp(`^${intent.id}_secret_\\w{24}$`));
    expect(intent.checkout_url).toBe(`http://kassa.test/pay/${intent.id}?client_secret=${intent.client_secret}`);
    const lifetime = Date.parse(intent.expires_at) - Date.parse(intent.created_at);
    expect(lifetime).toBeGreaterThan(3590_000);
    expect(lifetime).toBeLessThan(3610_000);
  });

  it("honours expires_in and ui_mode", async () => {
    const { auth } = await createTestMerchant();
    const response = await create(auth, { ...validIntent, expires_in: 600, ui_mode: "embedded" });
    expect(response.status).toBe(201);
    expect(response.body.ui_mode).toBe("embedded");
    expect(Date.parse(response.body.expires_at) - Date.parse(response.body.created_at)).toBeLessThan(601_000);
  });

  it("answers 400 for a decimal amount and says amounts are integer cents", async () => {
    const { auth } = await createTestMerchant();
    const response = await create(auth, { ...validIntent, amount: 99.99 });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ type: "invalid_request_error", code: "amount_invalid", param: "amount" });
    expect(response.body.error.message).toMatch(/integer/);
    expect(response.body.error.message).toMatch(/9999/);
  });

  it.each([
    [{ ...validIntent, amount: undefined }, "parameter_missing", "amount"],
    [{ ...validIntent, amount: "9999" }, "amount_invalid", "amount"],
    [{ ...validIntent, amount: 0 }, "amount_invalid", "amount"],
    [{ ...validIntent, amount: -5 }, "amount_invalid", "amount"],
    [{ ...validIntent, amount: 1e15 }, "amount_invalid", "amount"],
    [{ ...validIntent, currency: "XYZ" }, "parameter_invalid", "currency"],
    [{ ...validIntent, currency: undefined }, "parameter_missing", "currency"],
    [{ ...validIntent, success_url: "not a url" }, "parameter_invalid", "success_url"],
    [{ ...validIntent, cancel_url: "javascript:alert(1)" }, "parameter_invalid", "cancel_url"],
    [{ ...validIntent, cancel_url: undefined }, "parameter_missing", "cancel_url"],
    [{ ...validIntent, customer_email: "nope" }, "parameter_invalid", "customer_email"],
    [{ ...validIntent, expires_in: 9 }, "parameter_invalid", "expires_in"],
    [{ ...validIntent, expires_in: 604801 }, "parameter_invalid", "expires_in"],
    [{ ...validIntent, ui_mode: "popup" }, "parameter_invalid", "ui_mode"],
    [{ ...validIntent, metadata: { nested: { a: 1 } } }, "parameter_invalid", "metadata[nested]"],
    [{ ...validIntent, line_items: [{ name: "Mug", quantity: 1, unit_amount: 100 }] }, "parameter_invalid", "line_items"],
    [{ ...validIntent, line_items: [{ name: "Mug", quantity: 0, unit_amount: 9999 }] }, "parameter_invalid", "line_items[0][quantity]"],
    [{ ...validIntent, amout: 5 }, "parameter_unknown", "amout"],
  ])("answers 400 and writes nothing for %j", async (body, code, param) => {
    const { auth, merchant } = await createTestMerchant();
    const before = await tableCounts(merchant.id);
    const response = await create(auth, body, { "idempotency-key": "rejected-1" });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ type: "invalid_request_error", code, param });
    expect(response.body.error.message.length).toBeGreaterThan(10);
    expect(await tableCounts(merchant.id)).toEqual(before);
  });

  it("answers 400 for a body that is not a JSON object", async () => {
    const { auth } = await createTestMerchant();
    const notJson = await callRoute(collection.POST, { path: "/api/v1/payment-intents", rawBody: "amount=5", headers: auth });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toBe("invalid_json");
    const array = await create(auth, [validIntent]);
    expect(array.status).toBe(400);
  });

  it("answers 401 without a key, with an unknown key, and with a malformed header", async () => {
    const attempts: Record<string, string>[] = [{}, { authorization: "Bearer sk_test_unknown" }, { authorization: "Basic abc" }];
    for (const headers of attempts) {
      const response = await callRoute(collection.POST, { path: "/api/v1/payment-intents", body: validIntent, headers });
      expect(response.status).toBe(401);
      expect(response.body.error).toMatchObject({ type: "authentication_error", code: "unauthenticated" });
    }
  });

  it("answers 403 for a suspended merchant", async () => {
    const { auth, merchant } = await createTestMerchant();
    const db = await getDb();
    const { merchants } = await import("@/db/schema");
    await db.update(merchants).set({ status: "suspended" }).where(eq(merchants.id, merchant.id));
    const response = await create(auth, validIntent);
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe("merchant_suspended");
  });
});

describe("reading intents", () => {
  it("returns one intent by id and hides it from another merchant (404)", async () => {
    const a = await createTestMerchant();
    const b = await createTestMerchant();
    const { body: intent } = await create(a.auth, validIntent);
    const own = await callRoute(single.GET, { path: `/api/v1/payment-intents/${intent.id}`, params: { id: intent.id }, headers: a.auth });
    expect(own.status).toBe(200);
    expect(own.body).toEqual(intent);

    const foreign = await callRoute(single.GET, { path: `/api/v1/payment-intents/${intent.id}`, params: { id: intent.id }, headers: b.auth });
    expect(foreign.status).toBe(404);
    expect(foreign.body.error).toMatchObject({ code: "not_found", param: "id" });
    const foreignCancel = await callRoute(cancel.POST, {
      path: `/api/v1/payment-intents/${intent.id}/cancel`,
      params: { id: intent.id },
      headers: b.auth,
      body: {},
    });
    expect(foreignCancel.status).toBe(404);
    const list = await callRoute(collection.GET, { path: "/api/v1/payment-intents", headers: b.auth });
    expect(list.body.data).toEqual([]);
  });

  it("answers 404 for an unknown id", async () => {
    const { auth } = await createTestMerchant();
    const response = await callRoute(single.GET, { path: "/api/v1/payment-intents/pi_nope", params: { id: "pi_nope" }, headers: auth });
    expect(response.status).toBe(404);
  });

  it("pages newest first with starting_after and filters by status", async () => {
    const { auth } = await createTestMerchant();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await create(auth, { ...validIntent, amount: 100 + i })).body.id);
    const newestFirst = [...ids].reverse();

    const first = await callRoute(collection.GET, { path: "/api/v1/payment-intents?limit=2", headers: auth });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ object: "list", has_more: true });
    expect(first.body.data.map((i: { id: string }) => i.id)).toEqual(newestFirst.slice(0, 2));

    const second = await callRoute(collection.GET, {
      path: `/api/v1/payment-intents?limit=2&starting_after=${newestFirst[1]}`,
      headers: auth,
    });
    expect(second.body.data.map((i: { id: string }) => i.id)).toEqual(newestFirst.slice(2, 4));
    const last = await callRoute(collection.GET, { path: `/api/v1/payment-intents?limit=2&starting_after=${newestFirst[3]}`, headers: auth });
    expect(last.body).toMatchObject({ has_more: false });
    expect(last.body.data.map((i: { id: string }) => i.id)).toEqual(newestFirst.slice(4));

    await callRoute(cancel.POST, { path: `/api/v1/payment-intents/${ids[0]}/cancel`, params: { id: ids[0]! }, headers: auth, body: {} });
    const canceled = await callRoute(collection.GET, { path: "/api/v1/payment-intents?status=canceled", headers: auth });
    expect(canceled.body.data.map((i: { id: string }) => i.id)).toEqual([ids[0]]);
  });

  it.each(["limit=0", "limit=101", "limit=abc", "status=done", "starting_after=pi_unknown", "colour=red"])(
    "answers 400 or 404 for the bad query %s",
    async (query) => {
      const { auth } = await createTestMerchant();
      const response = await callRoute(collection.GET, { path: `/api/v1/payment-intents?${query}`, headers: auth });
      expect(response.status).toBe(query.startsWith("starting_after") ? 404 : 400);
      expect(response.body.error.param).toBe(query.split("=")[0]);
    },
  );
});

describe("POST /api/v1/payment-intents/{id}/cancel", () => {
  it("cancels an open intent once and then answers 422", async () => {
    const { auth } = await createTestMerchant();
    const { body: intent } = await create(auth, validIntent);
    const call = () =>
      callRoute(cancel.POST, {
        path: `/api/v1/payment-intents/${intent.id}/cancel`,
        params: { id: intent.id },
        headers: auth,
        body: { cancellation_reason: "requested_by_customer" },
      });
    const first = await call();
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: "canceled", cancellation_reason: "requested_by_customer", canceled_at: expect.any(String) });
    const second = await call();
    expect(second.status).toBe(422);
    expect(second.body.error).toMatchObject({ code: "intent_unexpected_state", status: "canceled" });

    const db = await getDb();
    const trail = await db.select().from(events).where(eq(events.intentId, intent.id));
    expect(trail.map((event) => event.type).sort()).toEqual(["payment.canceled", "payment.created"]);
  });

  it("answers 400 for an unknown cancellation_reason", async () => {
    const { auth } = await createTestMerchant();
    const { body: intent } = await create(auth, validIntent);
    const response = await callRoute(cancel.POST, {
      path: `/api/v1/payment-intents/${intent.id}/cancel`,
      params: { id: intent.id },
      headers: auth,
      body: { cancellation_reason: "bored" },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.param).toBe("cancellation_reason");
  });

  it("refuses to cancel an expired intent and reports it expired", async () => {
    const { auth } = await createTestMerchant();
    const { body: intent } = await create(auth, validIntent);
    const db = await getDb();
    await db.update(paymentIntents).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(paymentIntents.id, intent.id));
    const response = await callRoute(cancel.POST, {
      path: `/api/v1/payment-intents/${intent.id}/cancel`,
      params: { id: intent.id },
      headers: auth,
      body: {},
    });
    expect(response.status).toBe(422);
    expect(response.body.error.status).toBe("expired");
    const read = await callRoute(single.GET, { path: `/api/v1/payment-intents/${intent.id}`, params: { id: intent.id }, headers: auth });
    expect(read.body.status).toBe("expired");
  });
});
