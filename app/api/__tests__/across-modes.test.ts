import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import type { Owner } from "@/db/owner";
import { webhookDeliveries, events } from "@/db/schema";
import { createApiKey } from "@/lib/accounts/create-api-key";
import { setAcquirer } from "@/lib/accounts/set-acquirer";
import { listEvents } from "@/lib/dashboard/list-events";
import { merchantOverview } from "@/lib/dashboard/overview";
import { paymentsCsv } from "@/lib/dashboard/payments-csv";
import { searchPayments } from "@/lib/dashboard/search-payments";
import { callRoute, type CallResult } from "@/lib/testing/call-route";
import { createTestMerchant, payIntent, validIntent, type TestMerchant } from "@/lib/testing/fixtures";
import * as setupStatus from "../merchant/setup-status/route";
import * as nativeIntents from "../v1/payment-intents/route";
import * as nativeIntent from "../v1/payment-intents/[id]/route";
import * as nativeCancel from "../v1/payment-intents/[id]/cancel/route";
import * as nativeEndpoints from "../v1/webhook-endpoints/route";
import * as mintroIntents from "../platform/intents/route";
import * as mintroIntent from "../platform/intents/[id]/route";
import * as shopPayments from "../v1/payments/route";
import * as shopPayment from "../v1/payments/[id]/route";
import * as mutopayPayments from "../payments/route";
import * as mutopayPayment from "../payments/[id]/route";
import * as mintPayments from "../../v1/payments/route";
import * as mintPayment from "../../v1/payments/[id]/route";
import * as stripeIntents from "@/lib/dialects/stripe/routes/v1/payment_intents/route";
import * as stripeIntent from "@/lib/dialects/stripe/routes/v1/payment_intents/[id]/route";
import * as stripeConfirm from "@/lib/dialects/stripe/routes/v1/payment_intents/[id]/confirm/route";
import * as stripeCapture from "@/lib/dialects/stripe/routes/v1/payment_intents/[id]/capture/route";
import * as stripeCancel from "@/lib/dialects/stripe/routes/v1/payment_intents/[id]/cancel/route";
import { createPaymentLink } from "@/lib/payment-links/create-payment-link";
import { findLinkBySlug } from "@/lib/payment-links/find-link-by-slug";
import { openPaymentLink } from "@/lib/payment-links/open-payment-link";

/** One merchant's key in one mode, as each dialect sends it. */
type Key = { secretKey: string; clientId: string };
const bearer = (key: Key) => ({ authorization: `Bearer ${key.secretKey}` });

type Dialect = { name: string; create: (key: Key) => Promise<CallResult>; read: (key: Key, id: string) => Promise<CallResult>; idOf: (body: any) => string };

const dialects: Dialect[] = [
  {
    name: "native",
    create: (key) => callRoute(nativeIntents.POST, { path: "/api/v1/payment-intents", body: validIntent, headers: bearer(key) }),
    read: (key, id) => callRoute(nativeIntent.GET, { path: `/api/v1/payment-intents/${id}`, params: { id }, headers: bearer(key) }),
    idOf: (body) => body.id,
  },
  {
    name: "mintro",
    create: (key) =>
      callRoute(mintroIntents.POST, {
        path: "/api/platform/intents",
        headers: { "x-client-id": key.clientId, "x-client-secret": key.secretKey },
        body: { amount: 12, currency: "USD", intent_type: "one_time", email: "a@example.com", name: "A", reference_id: `R-${Date.now()}-${Math.floor(Math.random() * 1e9)}`, integration_type: "iframe", order_items: [{ name: "Thing", quantity: 1, price: 12 }] },
      }),
    read: (key, id) => callRoute(mintroIntent.GET, { path: `/api/platform/intents/${id}`, params: { id }, headers: { "x-client-id": key.clientId, "x-client-secret": key.secretKey } }),
    idOf: (body) => body.data.intent_id,
  },
  {
    name: "mint",
    create: (key) => callRoute(mintPayments.POST, { path: "/v1/payments", headers: { "x-api-key": key.secretKey }, body: { currency: "USD", amount: 49 } }),
    read: (key, id) => callRoute(mintPayment.GET, { path: `/v1/payments/${id}`, params: { id }, headers: { "x-api-key": key.secretKey } }),
    idOf: (body) => body.data.id,
  },
  {
    name: "shop",
    create: (key) => callRoute(shopPayments.POST, { path: "/api/v1/payments", headers: bearer(key), body: { amount: 500, currency: "usd", return_url: "https://shop.example/r" } }),
    read: (key, id) => callRoute(shopPayment.GET, { path: `/api/v1/payments/${id}`, params: { id }, headers: bearer(key) }),
    idOf: (body) => body.id,
  },
  {
    name: "mutopay",
    create: (key) => callRoute(mutopayPayments.POST, { path: "/api/payments", headers: { "x-api-key": key.secretKey }, body: { amount_usd: 25 } }),
    read: (key, id) => callRoute(mutopayPayment.GET, { path: `/api/payments/${id}`, params: { id }, headers: { "x-api-key": key.secretKey } }),
    idOf: (body) => body.id,
  },
  {
    name: "stripe",
    create: (key) =>
      callRoute(stripeIntents.POST, { path: "/v1/payment_intents", headers: { ...bearer(key), "content-type": "application/x-www-form-urlencoded" }, rawBody: "amount=700&currency=usd" }),
    read: (key, id) => callRoute(stripeIntent.GET, { path: `/v1/payment_intents/${id}`, params: { id }, headers: bearer(key) }),
    idOf: (body) => body.id,
  },
];

/** A merchant with an acquirer, and a test key and a live key. */
async function merchantInBothModes(): Promise<{ merchant: TestMerchant; test: Key; live: Key }> {
  const merchant = await createTestMerchant();
  const db = await getDb();
  await setAcquirer(db, merchant.merchant.id, { type: "stripe", secret_key: "sk_live_never_called_0123456789", webhook_secret: "whsec_never_called_0123456789" });
  const { key, secretKey } = await createApiKey(db, merchant.merchant.id, { label: "live", mode: "live" });
  return { merchant, test: { secretKey: merchant.secretKey, clientId: merchant.apiKey.clientId }, live: { secretKey, clientId: key.clientId } };
}

describe("test and live modes", () => {
  it.each(dialects.map((d) => [d.name, d] as const))("%s: a test key never sees a live object, nor a live key a test one", async (_name, dialect) => {
    const { test, live } = await merchantInBothModes();
    expect(live.secretKey).toContain("live");
    const testObject = await dialect.create(test);
    const liveObject = await dialect.create(live);
    expect(testObject.status, "create with the test key").toBeLessThan(300);
    expect(liveObject.status, "create with the live key").toBeLessThan(300);
    expect((await dialect.read(test, dialect.idOf(testObject.body))).status).toBe(200);
    expect((await dialect.read(live, dialect.idOf(liveObject.body))).status).toBe(200);
    expect((await dialect.read(live, dialect.idOf(testObject.body))).status).toBe(404);
    expect((await dialect.read(test, dialect.idOf(liveObject.body))).status).toBe(404);
  });

  it("lets no key act on the other mode's objects: Stripe's confirm, capture and cancel", async () => {
    const { test, live } = await merchantInBothModes();
    const liveIntent = (await dialects.find((d) => d.name === "stripe")!.create(live)).body;
    const form = { ...bearer(test), "content-type": "application/x-www-form-urlencoded" };
    for (const [route, action, body] of [
      [stripeConfirm, "confirm", "payment_method=pm_card_visa"],
      [stripeCapture, "capture", ""],
      [stripeCancel, "cancel", ""],
    ] as const) {
      const answer = await callRoute(route.POST, { path: `/v1/payment_intents/${liveIntent.id}/${action}`, params: { id: liveIntent.id }, headers: form, rawBody: body });
      expect(answer.status, action).toBe(404);
    }
    expect((await dialects.find((d) => d.name === "stripe")!.read(live, liveIntent.id)).body.status).toBe("requires_payment_method");
  });

  it("keeps a reference_id unique per mode, so test order numbers may come again in live", async () => {
    const { test, live } = await merchantInBothModes();
    const mintro = (key: Key) =>
      callRoute(mintroIntents.POST, {
        path: "/api/platform/intents",
        headers: { "x-client-id": key.clientId, "x-client-secret": key.secretKey },
        body: { amount: 12, currency: "USD", intent_type: "one_time", email: "a@example.com", name: "A", reference_id: "ORDER-1001", integration_type: "iframe", order_items: [{ name: "Thing", quantity: 1, price: 12 }] },
      });
    expect((await mintro(test)).status).toBe(200);
    expect((await mintro(live)).status).toBe(200);
    expect((await mintro(live)).status).toBe(422);
  });

  it("refuses Stripe's test payment methods for live money", async () => {
    const { live } = await merchantInBothModes();
    const refused = await callRoute(stripeIntents.POST, {
      path: "/v1/payment_intents",
      headers: { ...bearer(live), "content-type": "application/x-www-form-urlencoded" },
      rawBody: "amount=700&currency=usd&confirm=true&payment_method=pm_card_visa",
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ type: "invalid_request_error", param: "payment_method" });
  });

  it("makes a live payment link's buyers pay live", async () => {
    const { merchant } = await merchantInBothModes();
    const db = await getDb();
    const input = { name: "Mug", currency: "EUR", price: { amount: 1500, maxQuantity: null }, lineItems: [], successUrl: null };
    const link = await createPaymentLink(db, { merchantId: merchant.merchant.id, mode: "live" }, input);
    const found = (await findLinkBySlug(db, link.slug))!;
    expect((await openPaymentLink(db, found, {})).mode).toBe("live");
    const testLink = await createPaymentLink(db, merchant.merchant.id, input);
    expect((await openPaymentLink(db, (await findLinkBySlug(db, testLink.slug))!, {})).mode).toBe("test");
  });

  it("lists only the key's own mode, and says which mode an object is in", async () => {
    const { test, live } = await merchantInBothModes();
    const testIntent = (await dialects[0]!.create(test)).body;
    const liveIntent = (await dialects[0]!.create(live)).body;
    expect(testIntent.livemode).toBe(false);
    expect(liveIntent.livemode).toBe(true);
    const listed = (key: Key) => callRoute(nativeIntents.GET, { path: "/api/v1/payment-intents", headers: bearer(key) });
    expect((await listed(test)).body.data.map((intent: { id: string }) => intent.id)).toEqual([testIntent.id]);
    expect((await listed(live)).body.data.map((intent: { id: string }) => intent.id)).toEqual([liveIntent.id]);

    const stripeListed = (key: Key) => callRoute(stripeIntents.GET, { path: "/v1/payment_intents", headers: bearer(key) });
    const stripeLive = await stripeListed(live);
    expect(stripeLive.body.data.map((intent: { id: string }) => intent.id)).toEqual([liveIntent.id]);
    expect(stripeLive.body.data[0].livemode).toBe(true);
  });

  it("sends each mode's events only to that mode's webhook endpoints", async () => {
    const { test, live } = await merchantInBothModes();
    const endpoint = async (key: Key, url: string) =>
      (await callRoute(nativeEndpoints.POST, { path: "/api/v1/webhook-endpoints", headers: bearer(key), body: { url } })).body as { id: string };
    // Never delivered here: only what is queued for each endpoint is looked at.
    process.env.KASSA_ALLOW_PRIVATE_WEBHOOKS = "1";
    const testEndpoint = await endpoint(test, "http://127.0.0.1:9/test-hooks");
    const liveEndpoint = await endpoint(live, "http://127.0.0.1:9/live-hooks");
    delete process.env.KASSA_ALLOW_PRIVATE_WEBHOOKS;
    const testIntent = (await dialects[0]!.create(test)).body;
    const liveIntent = (await dialects[0]!.create(live)).body;
    for (const [key, intent] of [[test, testIntent], [live, liveIntent]] as const) {
      const canceled = await callRoute(nativeCancel.POST, { path: `/api/v1/payment-intents/${intent.id}/cancel`, params: { id: intent.id }, headers: bearer(key), body: {} });
      expect(canceled.status).toBe(200);
    }
    const db = await getDb();
    const heardBy = async (endpointId: string) =>
      (await db.select({ intentId: events.intentId }).from(webhookDeliveries).innerJoin(events, eq(events.id, webhookDeliveries.eventId)).where(eq(webhookDeliveries.endpointId, endpointId))).map(
        (row) => row.intentId,
      );
    expect(await heardBy(testEndpoint.id)).toEqual([testIntent.id]);
    expect(await heardBy(liveEndpoint.id)).toEqual([liveIntent.id]);
    const listedEndpoints = await callRoute(nativeEndpoints.GET, { path: "/api/v1/webhook-endpoints", headers: bearer(live) });
    expect(listedEndpoints.body.data.map((entry: { id: string }) => entry.id)).toEqual([liveEndpoint.id]);
  });

  it("keeps the dashboard's lists, totals, CSV and events apart per mode", async () => {
    const { merchant, test, live } = await merchantInBothModes();
    const testIntent = (await dialects[0]!.create(test)).body;
    await payIntent(testIntent.id);
    const liveIntent = (await dialects[0]!.create(live)).body;
    const db = await getDb();
    const asTest: Owner = { merchantId: merchant.merchant.id, mode: "test" };
    const asLive: Owner = { merchantId: merchant.merchant.id, mode: "live" };
    expect((await searchPayments(db, asTest, {})).payments.map((row) => row.id)).toEqual([testIntent.id]);
    expect((await searchPayments(db, asLive, {})).payments.map((row) => row.id)).toEqual([liveIntent.id]);
    expect((await merchantOverview(db, asTest)).paid).toBe(1);
    expect((await merchantOverview(db, asLive)).paid).toBe(0);
    const csv = async (owner: Owner) => {
      let text = "";
      for await (const line of paymentsCsv(db, owner, {})) text += line;
      return text;
    };
    expect(await csv(asTest)).toContain(testIntent.id);
    expect(await csv(asTest)).not.toContain(liveIntent.id);
    expect(await csv(asLive)).toContain(liveIntent.id);
    const liveEvents = (await listEvents(db, asLive)).events;
    expect(liveEvents.length).toBeGreaterThan(0);
    expect(liveEvents.every((event) => event.intentId === liveIntent.id)).toBe(true);
  });

  it("refuses a live key while the merchant has no acquirer, and the setup status says why", async () => {
    const merchant = await createTestMerchant();
    const { key, secretKey } = await createApiKey(await getDb(), merchant.merchant.id, { label: "live", mode: "live" });
    for (const dialect of dialects) {
      const refused = await dialect.create({ secretKey, clientId: key.clientId });
      expect(refused.status, dialect.name).toBeGreaterThanOrEqual(400);
      expect(refused.status, dialect.name).toBeLessThan(500);
      expect(JSON.stringify(refused.body), dialect.name).toMatch(/live/i);
    }
    const status = await callRoute(setupStatus.GET, { path: "/api/merchant/setup-status", headers: { "x-api-key": secretKey } });
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ mode: "live", acquirer_set: false, can_accept_payments: false, wallet_address_set: false });
    expect(status.body.setup_needed).toContain("acquirer");
  });
});
