import { and, eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { events, merchants, paymentIntents, refunds, subscriptions, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import type { AuthenticationRequired, AuthorizationRequest, AuthorizationResult, OperationResult } from "@/lib/checkout/processor";
import { SimulatedProcessor, setProcessor } from "@/lib/checkout/simulated-processor";
import { renewDueSubscriptions } from "@/lib/subscriptions/renew-due-subscriptions";
import { callRoute } from "@/lib/testing/call-route";
import { createTestMerchant, payIntent, validIntent, type TestMerchant } from "@/lib/testing/fixtures";
import { startWebhookReceiver } from "@/lib/testing/webhook-receiver";
import { deliverDueWebhooks } from "@/lib/webhooks/deliver-webhooks";
import { isPrivateAddress } from "@/lib/webhooks/url-safety";
import * as mintroIntents from "@/app/api/platform/intents/route";
import * as nativeIntents from "@/app/api/v1/payment-intents/route";
import * as capture from "@/app/api/v1/payment-intents/[id]/capture/route";
import * as voidRoute from "@/app/api/v1/payment-intents/[id]/void/route";
import * as cancelIntent from "@/app/api/v1/payment-intents/[id]/cancel/route";
import * as refundsRoute from "@/app/api/v1/payment-intents/[id]/refunds/route";
import * as subscriptionCancel from "@/app/api/v1/subscriptions/[id]/cancel/route";
import * as endpoints from "@/app/api/v1/webhook-endpoints/route";
import * as endpoint from "@/app/api/v1/webhook-endpoints/[id]/route";
import { reconcilePendingOperations } from "../reconcile-pending-operations";

afterEach(() => {
  setProcessor(new SimulatedProcessor());
  delete process.env.KASSA_PROCESSOR_TIMEOUT_MS;
  delete process.env.KASSA_WEBHOOK_MAX_ATTEMPTS;
});

async function subscribe(merchant: TestMerchant, intervalDays = 30) {
  const { body } = await callRoute(mintroIntents.POST, {
    path: "/api/platform/intents",
    headers: merchant.mintroAuth,
    body: {
      amount: 5,
      currency: "USD",
      intent_type: "recurring",
      interval_days: intervalDays,
      email: "s@example.com",
      name: "Sub",
      reference_id: `S-${Math.random().toString(36).slice(2)}`,
      integration_type: "iframe",
      order_items: [{ name: "Plan", quantity: 1, price: 5 }],
    },
  });
  await payIntent(body.data.intent_id);
  const db = await getDb();
  const [subscription] = await db.select().from(subscriptions).where(eq(subscriptions.intentId, body.data.intent_id));
  await db.update(subscriptions).set({ nextChargeAt: sql`now() - interval '1 second'` }).where(eq(subscriptions.id, subscription!.id));
  return subscription!;
}

const post = (handler: typeof capture.POST, merchant: TestMerchant, path: string, id: string, body: unknown = {}) =>
  callRoute(handler, { path, params: { id }, headers: merchant.auth, body });

describe("renewals, after review", () => {
  it("tell the merchant when a renewal is charged while its subscription is being canceled", async () => {
    const merchant = await createTestMerchant();
    const subscription = await subscribe(merchant);
    setProcessor(
      new (class extends SimulatedProcessor {
        override async authorize(request: AuthorizationRequest): Promise<AuthorizationResult | AuthenticationRequired> {
          await callRoute(subscriptionCancel.POST, {
            path: `/api/v1/subscriptions/${subscription.id}/cancel`,
            params: { id: subscription.id },
            headers: merchant.auth,
            body: {},
          });
          return super.authorize(request);
        }
      })(),
    );
    const db = await getDb();
    await renewDueSubscriptions(db);
    const [after] = await db.select().from(subscriptions).where(eq(subscriptions.id, subscription.id));
    expect(after!.status).toBe("canceled");
    const [renewal] = await db.select().from(paymentIntents).where(eq(paymentIntents.subscriptionId, subscription.id));
    expect(renewal!.status).toBe("succeeded");
    const announced = await db.select().from(events).where(and(eq(events.intentId, renewal!.id), eq(events.type, "payment.succeeded")));
    expect(announced).toHaveLength(1);
  });

  it("start the next period from now when a late retry succeeds, so missed periods are not charged back to back", async () => {
    const merchant = await createTestMerchant();
    const subscription = await subscribe(merchant, 1);
    const db = await getDb();
    await db.update(subscriptions).set({ currentPeriodEnd: sql`now() - interval '17 days'` }).where(eq(subscriptions.id, subscription.id));
    await renewDueSubscriptions(db);
    const [after] = await db.select().from(subscriptions).where(eq(subscriptions.id, subscription.id));
    expect(after!.nextChargeAt.getTime()).toBeGreaterThan(Date.now() + 23 * 3600_000);
    expect(await renewDueSubscriptions(db)).toBe(0);
  });

  it("end a subscription whose renewal intent was canceled, instead of retrying it forever", async () => {
    const merchant = await createTestMerchant();
    const subscription = await subscribe(merchant);
    setProcessor(
      new (class extends SimulatedProcessor {
        override async authorize(): Promise<AuthorizationResult> {
          return { approved: false, processorReference: "x", declineCode: "51", message: "Your card has insufficient funds." };
        }
      })(),
    );
    const db = await getDb();
    await renewDueSubscriptions(db);
    const [renewal] = await db.select().from(paymentIntents).where(eq(paymentIntents.subscriptionId, subscription.id));
    await post(cancelIntent.POST, merchant, `/api/v1/payment-intents/${renewal!.id}/cancel`, renewal!.id);
    await db.update(subscriptions).set({ nextChargeAt: sql`now() - interval '1 second'` }).where(eq(subscriptions.id, subscription.id));
    await renewDueSubscriptions(db);
    const [after] = await db.select().from(subscriptions).where(eq(subscriptions.id, subscription.id));
    expect(after!.status).toBe("canceled");
    expect(await renewDueSubscriptions(db)).toBe(0);
  });

  it("do not charge a suspended merchant's subscribers, and try again later", async () => {
    const merchant = await createTestMerchant();
    const subscription = await subscribe(merchant);
    const db = await getDb();
    await db.update(merchants).set({ status: "suspended" }).where(eq(merchants.id, merchant.merchant.id));
    await renewDueSubscriptions(db);
    expect(await db.select().from(paymentIntents).where(eq(paymentIntents.subscriptionId, subscription.id))).toHaveLength(0);
    const [after] = await db.select().from(subscriptions).where(eq(subscriptions.id, subscription.id));
    expect(after!.nextChargeAt.getTime()).toBeGreaterThan(Date.now() + 59 * 60_000);
  });
});

describe("captures, voids and refunds, after review", () => {
  it("let only one of a racing capture and void reach the acquirer", async () => {
    const merchant = await createTestMerchant();
    const { body: intent } = await callRoute(nativeIntents.POST, { path: "/api/v1/payment-intents", body: { ...validIntent, capture_method: "manual" }, headers: merchant.auth });
    await payIntent(intent.id);
    // The acquirer holds the first operation until the other request has been answered, so the two
    // truly overlap; whichever reserved the authorization first is the only one that reaches it.
    const sent: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    setProcessor(
      new (class extends SimulatedProcessor {
        override async capture(): Promise<OperationResult> {
          sent.push("capture");
          await held;
          return super.capture();
        }
        override async void(): Promise<OperationResult> {
          sent.push("void");
          await held;
          return super.void();
        }
      })(),
    );
    const capturing = post(capture.POST, merchant, `/api/v1/payment-intents/${intent.id}/capture`, intent.id);
    const voiding = post(voidRoute.POST, merchant, `/api/v1/payment-intents/${intent.id}/void`, intent.id);
    const refused = await Promise.race([capturing, voiding]);
    expect(refused.status).toBe(409);
    release();
    const [captured, voided] = await Promise.all([capturing, voiding]);
    expect(sent).toHaveLength(1);
    expect([captured.status, voided.status].sort()).toEqual([200, 409]);
  });

  it("keep a refund the acquirer did not answer pending, then settle it once", async () => {
    const merchant = await createTestMerchant();
    const { body: intent } = await callRoute(nativeIntents.POST, { path: "/api/v1/payment-intents", body: validIntent, headers: merchant.auth });
    await payIntent(intent.id);
    let refundCalls = 0;
    setProcessor(
      new (class extends SimulatedProcessor {
        override async refund(): Promise<OperationResult> {
          refundCalls++;
          if (refundCalls === 1) throw new Error("socket hang up");
          return super.refund();
        }
      })(),
    );
    const pending = await post(refundsRoute.POST, merchant, `/api/v1/payment-intents/${intent.id}/refunds`, intent.id, { amount: 1000 });
    expect(pending.status).toBe(201);
    expect(pending.body.status).toBe("pending");
    const db = await getDb();
    await db.update(refunds).set({ createdAt: sql`now() - interval '5 minutes'` }).where(eq(refunds.id, pending.body.id));
    expect(await reconcilePendingOperations(db)).toBe(1);
    expect(await reconcilePendingOperations(db)).toBe(0);
    const [settled] = await db.select().from(refunds).where(eq(refunds.id, pending.body.id));
    expect(settled!.status).toBe("succeeded");
    const [after] = await db.select().from(paymentIntents).where(eq(paymentIntents.id, intent.id));
    expect(after!.amountRefunded).toBe(1000);
    expect(refundCalls).toBe(2);
  });

  it("give an authorization the acquirer never answers a time limit", async () => {
    process.env.KASSA_PROCESSOR_TIMEOUT_MS = "100";
    const merchant = await createTestMerchant();
    const { body: intent } = await callRoute(nativeIntents.POST, { path: "/api/v1/payment-intents", body: validIntent, headers: merchant.auth });
    setProcessor(
      new (class extends SimulatedProcessor {
        override authorize(): Promise<AuthorizationResult> {
          return new Promise(() => {});
        }
      })(),
    );
    const result = await payIntent(intent.id);
    expect(result.outcome).toBe("declined");
    expect(result.attempt.declineCode).toBe("96");
  });
});

describe("webhooks, after review", () => {
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  beforeAll(async () => {
    process.env.KASSA_ALLOW_PRIVATE_WEBHOOKS = "1";
    process.env.KASSA_WEBHOOK_RETRY_BASE_MS = "1";
    receiver = await startWebhookReceiver();
  });
  afterAll(() => receiver.close());

  /** Sends until nothing is left to send, moving each retry's due time to now instead of waiting for it. */
  async function drain() {
    const db = await getDb();
    for (let round = 0; round < 50; round++) {
      await db.update(webhookDeliveries).set({ nextAttemptAt: sql`now()` }).where(eq(webhookDeliveries.status, "pending"));
      if ((await deliverDueWebhooks(db)) === 0) return;
    }
    throw new Error("deliveries still due after 50 rounds");
  }

  it("count a delivery Kassa itself could not send as a failed attempt, and give up in time", async () => {
    process.env.KASSA_WEBHOOK_MAX_ATTEMPTS = "3";
    const merchant = await createTestMerchant();
    const { body: created } = await callRoute(endpoints.POST, { path: "/api/v1/webhook-endpoints", headers: merchant.auth, body: { url: receiver.url } });
    const db = await getDb();
    await db.update(webhookEndpoints).set({ secretCiphertext: "v1.broken.broken.broken" }).where(eq(webhookEndpoints.id, created.id));
    const { body: intent } = await callRoute(nativeIntents.POST, { path: "/api/v1/payment-intents", body: validIntent, headers: merchant.auth });
    await post(cancelIntent.POST, merchant, `/api/v1/payment-intents/${intent.id}/cancel`, intent.id);
    await drain();
    const [delivery] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, created.id));
    expect(delivery).toMatchObject({ status: "failed", attemptCount: 3 });
    expect(delivery!.lastError).toMatch(/could not send/);
  });

  it("keep queued events while an endpoint is switched off, and send them when it is back", async () => {
    const merchant = await createTestMerchant();
    const { body: created } = await callRoute(endpoints.POST, { path: "/api/v1/webhook-endpoints", headers: merchant.auth, body: { url: receiver.url } });
    receiver.trust(created.secret);
    const { body: intent } = await callRoute(nativeIntents.POST, { path: "/api/v1/payment-intents", body: validIntent, headers: merchant.auth });
    await post(cancelIntent.POST, merchant, `/api/v1/payment-intents/${intent.id}/cancel`, intent.id);
    const toggle = (enabled: boolean) =>
      callRoute(endpoint.PATCH, { path: `/api/v1/webhook-endpoints/${created.id}`, method: "PATCH", params: { id: created.id }, headers: merchant.auth, body: { enabled } });
    await toggle(false);
    const before = receiver.received.length;
    await drain();
    expect(receiver.received.length).toBe(before);
    await toggle(true);
    await drain();
    expect(receiver.received.slice(before).map((hook) => hook.payload.data.object.id)).toEqual([intent.id]);
  });

  it("refuse private addresses however they are written", () => {
    for (const address of ["127.0.0.1", "::1", "::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:0:7f00:1", "::7f00:1", "fe80::1", "fd00::1", "169.254.169.254", "192.0.2.10", "2001:db8::1"]) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    for (const address of ["93.184.216.34", "2606:4700:4700::1111"]) expect(isPrivateAddress(address), address).toBe(false);
  });
});
