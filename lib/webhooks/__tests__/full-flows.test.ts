import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { events, paymentIntents, subscriptions } from "@/db/schema";
import { expireDueIntents } from "@/lib/intents/expire-intent";
import { voidStaleAuthorizations } from "@/lib/intents/void-stale-authorizations";
import { renewDueSubscriptions } from "@/lib/subscriptions/renew-due-subscriptions";
import { callRoute } from "@/lib/testing/call-route";
import { createTestMerchant, payIntent, validIntent, type TestMerchant } from "@/lib/testing/fixtures";
import { startWebhookReceiver } from "@/lib/testing/webhook-receiver";
import * as endpoints from "@/app/api/v1/webhook-endpoints/route";
import * as nativeIntents from "@/app/api/v1/payment-intents/route";
import * as capture from "@/app/api/v1/payment-intents/[id]/capture/route";
import * as refunds from "@/app/api/v1/payment-intents/[id]/refunds/route";
import * as mintroIntents from "@/app/api/platform/intents/route";
import * as mintroCancel from "@/app/api/platform/intents/[id]/cancel/route";
import * as mintroSubscriptionCancel from "@/app/api/platform/subscriptions/[id]/cancel/route";
import * as mintPayments from "@/app/v1/payments/route";
import * as shopPayments from "@/app/api/v1/payments/route";
import * as mutopayPayments from "@/app/api/payments/route";
import { deliverDueWebhooks } from "../deliver-webhooks";

let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

beforeAll(async () => {
  process.env.KASSA_ALLOW_PRIVATE_WEBHOOKS = "1";
  receiver = await startWebhookReceiver();
});
afterAll(() => receiver.close());
afterEach(() => void (receiver.received.length = 0));

async function merchantWithEndpoint(): Promise<TestMerchant> {
  const merchant = await createTestMerchant();
  const { body } = await callRoute(endpoints.POST, { path: "/api/v1/webhook-endpoints", headers: merchant.auth, body: { url: receiver.url } });
  receiver.trust(body.secret);
  return merchant;
}

async function drain() {
  const db = await getDb();
  while ((await deliverDueWebhooks(db)) > 0);
}

/**
 * Every event received, verified by the standardwebhooks library, each exactly once, in the order
 * the events happened (webhooks may arrive in any order, as with Stripe; receivers sort or ignore).
 */
async function received() {
  for (const hook of receiver.received) expect(hook.verifiedWith, hook.body).toHaveLength(1);
  const ids = receiver.received.map((hook) => hook.id);
  expect(new Set(ids).size).toBe(ids.length);
  const db = await getDb();
  const order = await db.select({ id: events.id }).from(events).where(inArray(events.id, ids)).orderBy(events.sequence);
  return order.map(({ id }) => receiver.received.find((hook) => hook.id === id)!.payload);
}

describe("a full flow of each dialect, seen by a verifying receiver", () => {
  it("native: declined, paid, partly refunded; an authorization captured", async () => {
    const merchant = await merchantWithEndpoint();
    const { body: intent } = await callRoute(nativeIntents.POST, { path: "/api/v1/payment-intents", body: validIntent, headers: merchant.auth });
    await payIntent(intent.id, "4000000000000069");
    await payIntent(intent.id);
    await callRoute(refunds.POST, { path: `/api/v1/payment-intents/${intent.id}/refunds`, params: { id: intent.id }, headers: merchant.auth, body: { amount: 500 } });
    const { body: held } = await callRoute(nativeIntents.POST, {
      path: "/api/v1/payment-intents",
      body: { ...validIntent, capture_method: "manual" },
      headers: merchant.auth,
    });
    await payIntent(held.id);
    await callRoute(capture.POST, { path: `/api/v1/payment-intents/${held.id}/capture`, params: { id: held.id }, headers: merchant.auth, body: {} });
    await drain();
    const payloads = await received();
    expect(payloads.map((p) => [p.type, p.data.object.id])).toEqual([
      ["payment.failed", intent.id],
      ["payment.succeeded", intent.id],
      ["payment.refunded", intent.id],
      ["payment.succeeded", held.id],
    ]);
    expect(payloads[2]!.data).toMatchObject({ object: { amount_refunded: 500 }, refund: { amount: 500, status: "succeeded" } });
    for (const payload of payloads) expect(Object.keys(payload).sort()).toEqual(["created_at", "data", "id", "sequence", "type"]);
  });

  it("mintro: paid recurring intent, renewal, subscription canceled, another intent canceled", async () => {
    const merchant = await merchantWithEndpoint();
    const create = (reference: string, recurring: boolean) =>
      callRoute(mintroIntents.POST, {
        path: "/api/platform/intents",
        headers: merchant.mintroAuth,
        body: {
          amount: 80,
          currency: "USD",
          intent_type: recurring ? "recurring" : "one_time",
          ...(recurring ? { interval_days: 30 } : {}),
          email: "customer@example.com",
          name: "John Doe",
          reference_id: reference,
          integration_type: "iframe",
          metadata: { internal_id: "999" },
          order_items: [{ name: "Product 1", quantity: 1, price: 50 }],
        },
      });
    const { body: recurring } = await create("ORDER-1", true);
    const intentId = recurring.data.intent_id;
    await payIntent(intentId);
    const db = await getDb();
    const [subscription] = await db.select().from(subscriptions).where(eq(subscriptions.intentId, intentId));
    await db.update(subscriptions).set({ nextChargeAt: sql`now() - interval '1 second'` }).where(eq(subscriptions.id, subscription!.id));
    await renewDueSubscriptions(db);
    await callRoute(mintroSubscriptionCancel.POST, {
      path: `/api/platform/subscriptions/${subscription!.id}/cancel`,
      params: { id: subscription!.id },
      headers: merchant.mintroAuth,
      body: {},
    });
    const { body: other } = await create("ORDER-2", false);
    await callRoute(mintroCancel.POST, {
      path: `/api/platform/intents/${other.data.intent_id}/cancel`,
      params: { id: other.data.intent_id },
      headers: merchant.mintroAuth,
      body: {},
    });
    await drain();
    const payloads = await received();
    expect(payloads.map((p) => p.event)).toEqual([
      "payment.succeeded",
      "subscription.created",
      "subscription.renewed",
      "subscription.canceled",
      "payment.canceled",
    ]);
    const metadata = { internal_id: "999" };
    expect(payloads[0]).toEqual({ event: "payment.succeeded", intent_id: intentId, charge_id: expect.any(Number), metadata, sequence: 1 });
    expect(payloads[1]).toEqual({ event: "subscription.created", subscription_id: subscription!.id, intent_id: intentId, metadata, sequence: 1 });
    expect(payloads[2]).toMatchObject({ event: "subscription.renewed", subscription_id: subscription!.id, metadata });
    expect(payloads[3]).toEqual({ event: "subscription.canceled", subscription_id: subscription!.id, intent_id: intentId, message: expect.any(String), metadata, sequence: expect.any(Number) });
    expect(payloads[4]).toEqual({ event: "payment.canceled", intent_id: other.data.intent_id, message: expect.any(String), metadata, sequence: 1 });
  });

  it("mint, shop and mutopay: a payment each, paid, in their own shapes", async () => {
    const merchant = await merchantWithEndpoint();
    const mint = await callRoute(mintPayments.POST, { path: "/v1/payments", headers: { "x-api-key": merchant.secretKey }, body: { currency: "USD", amount: 49, order_id: "order_123" } });
    const shop = await callRoute(shopPayments.POST, {
      path: "/api/v1/payments",
      headers: merchant.auth,
      body: { amount: 1000, currency: "usd", return_url: "https://shop.example/r", metadata: { order: 7 } },
    });
    const mutopay = await callRoute(mutopayPayments.POST, {
      path: "/api/payments",
      headers: { "x-api-key": merchant.secretKey },
      body: { amount_original: 25, currency: "EUR", external_id: "order_1042", metadata: { tier: "pro" } },
    });
    for (const id of [mint.body.data.id, shop.body.id, mutopay.body.id]) await payIntent(id);
    await drain();
    const [mintHook, shopHook, mutopayHook] = await received();
    expect(mintHook).toMatchObject({ type: "payment.succeeded", data: { id: mint.body.data.id, status: "paid", amount: 49, order_id: "order_123" } });
    expect(shopHook).toMatchObject({ type: "payment.succeeded", data: { id: shop.body.id, status: "completed", amount: 1000, currency: "usd", metadata: { order: 7 } } });
    expect(mutopayHook).toMatchObject({
      type: "payment.succeeded",
      data: { id: mutopay.body.id, status: "paid", external_id: "order_1042", fx_rate: 1.085, amount_usd: 27.13, metadata: { tier: "pro" } },
    });
  });
});

describe("events that happen with nobody watching", () => {
  it("expire unpaid intents and tell the merchant, though no buyer ever opened the page", async () => {
    const merchant = await merchantWithEndpoint();
    const { body: intent } = await callRoute(nativeIntents.POST, { path: "/api/v1/payment-intents", body: validIntent, headers: merchant.auth });
    const db = await getDb();
    await db.update(paymentIntents).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(paymentIntents.id, intent.id));
    expect(await expireDueIntents(db)).toBeGreaterThanOrEqual(1);
    await drain();
    expect((await received()).map((p) => [p.type, p.data.object.status])).toEqual([["payment.expired", "expired"]]);
  });

  it("void authorizations left uncaptured for seven days", async () => {
    const merchant = await merchantWithEndpoint();
    const { body: intent } = await callRoute(nativeIntents.POST, {
      path: "/api/v1/payment-intents",
      body: { ...validIntent, capture_method: "manual" },
      headers: merchant.auth,
    });
    await payIntent(intent.id);
    const db = await getDb();
    await db.update(paymentIntents).set({ authorizedAt: sql`now() - interval '6 days'` }).where(eq(paymentIntents.id, intent.id));
    await voidStaleAuthorizations(db);
    expect((await db.select().from(paymentIntents).where(eq(paymentIntents.id, intent.id)))[0]!.status).toBe("authorized");
    await db.update(paymentIntents).set({ authorizedAt: sql`now() - interval '7 days 1 minute'` }).where(eq(paymentIntents.id, intent.id));
    await voidStaleAuthorizations(db);
    const [voided] = await db.select().from(paymentIntents).where(eq(paymentIntents.id, intent.id));
    expect(voided).toMatchObject({ status: "canceled", cancellationReason: "void" });
    await drain();
    expect((await received()).map((p) => p.type)).toEqual(["payment.canceled"]);
  });
});
