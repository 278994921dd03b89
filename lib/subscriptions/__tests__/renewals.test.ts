import { and, eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { events, paymentAttempts, paymentIntents, subscriptions } from "@/db/schema";
import type { AuthenticationRequired, AuthorizationRequest, AuthorizationResult } from "@/lib/checkout/processor";
import { SimulatedProcessor, setProcessor } from "@/lib/checkout/simulated-processor";
import { callRoute } from "@/lib/testing/call-route";
import { createTestMerchant, payIntent, type TestMerchant } from "@/lib/testing/fixtures";
import { reconcileStuckAttempts } from "@/lib/worker/reconcile-stuck-attempts";
import * as mintroIntents from "@/app/api/platform/intents/route";
import * as subscriptionList from "@/app/api/v1/subscriptions/route";
import * as subscriptionCancel from "@/app/api/v1/subscriptions/[id]/cancel/route";
import { renewDueSubscriptions } from "../renew-due-subscriptions";

afterEach(() => setProcessor(new SimulatedProcessor()));

async function subscribe(merchant: TestMerchant, card = "4242424242424242") {
  const { body } = await callRoute(mintroIntents.POST, {
    path: "/api/platform/intents",
    headers: merchant.mintroAuth,
    body: {
      amount: 12,
      currency: "USD",
      intent_type: "recurring",
      interval_days: 30,
      email: "subscriber@example.com",
      name: "Sam Subscriber",
      reference_id: `SUB-${Math.random().toString(36).slice(2)}`,
      integration_type: "url",
      success_url: "https://shop.example/ok",
      cancel_url: "https://shop.example/cancel",
      metadata: { plan: "pro" },
      order_items: [{ name: "Pro plan", quantity: 1, price: 12 }],
    },
  });
  await payIntent(body.data.intent_id, card);
  const db = await getDb();
  const [subscription] = await db.select().from(subscriptions).where(eq(subscriptions.intentId, body.data.intent_id));
  return subscription!;
}

/** Moves a subscription's next charge into the past instead of waiting for it. */
async function makeDue(subscriptionId: string) {
  const db = await getDb();
  await db.update(subscriptions).set({ nextChargeAt: sql`now() - interval '1 second'` }).where(eq(subscriptions.id, subscriptionId));
}

async function reload(subscriptionId: string) {
  const db = await getDb();
  const [subscription] = await db.select().from(subscriptions).where(eq(subscriptions.id, subscriptionId));
  return subscription!;
}

async function eventTypes(subscriptionId: string) {
  const db = await getDb();
  return (await db.select().from(events).where(eq(events.subscriptionId, subscriptionId)).orderBy(events.sequence)).map((e) => e.type);
}

describe("renewals", () => {
  it("charge the saved card when a period ends and start the next period", async () => {
    const merchant = await createTestMerchant();
    const subscription = await subscribe(merchant);
    expect(subscription).toMatchObject({ status: "active", amount: 1200, intervalDays: 30, nextPeriod: 2 });
    const days = (subscription.nextChargeAt.getTime() - Date.now()) / 86400_000;
    expect(days).toBeGreaterThan(29.9);

    const db = await getDb();
    expect(await renewDueSubscriptions(db)).toBe(0);
    await makeDue(subscription.id);
    expect(await renewDueSubscriptions(db)).toBe(1);

    const renewed = await reload(subscription.id);
    expect(renewed).toMatchObject({ status: "active", nextPeriod: 3, failedCharges: 0 });
    expect(renewed.currentPeriodEnd.getTime() - renewed.currentPeriodStart.getTime()).toBe(30 * 86400_000);
    const [renewal] = await db.select().from(paymentIntents).where(and(eq(paymentIntents.subscriptionId, subscription.id), eq(paymentIntents.subscriptionPeriod, 2)));
    expect(renewal).toMatchObject({ status: "succeeded", amount: 1200, dialect: "mintro", metadata: { plan: "pro" } });
    expect(renewal!.id).toMatch(/^pi_[0-9a-f-]{36}$/);
    expect(await eventTypes(subscription.id)).toEqual(["subscription.created", "subscription.renewed"]);

    const [renewedEvent] = await db.select().from(events).where(and(eq(events.subscriptionId, subscription.id), eq(events.type, "subscription.renewed")));
    expect(renewedEvent!.payload).toEqual({ event: "subscription.renewed", subscription_id: subscription.id, intent_id: renewal!.id, metadata: { plan: "pro" }, sequence: 2 });
  });

  it("leave a subscription past_due after a decline, retry on schedule, and cancel after the last", async () => {
    process.env.KASSA_RENEWAL_RETRY_HOURS = "24,48,72,96";
    try {
      const merchant = await createTestMerchant();
      const subscription = await subscribe(merchant, "4000000000000341");
      const db = await getDb();
      await makeDue(subscription.id);
      await renewDueSubscriptions(db);
      const pastDue = await reload(subscription.id);
      expect(pastDue).toMatchObject({ status: "past_due", failedCharges: 1, nextPeriod: 2 });
      expect((pastDue.nextChargeAt.getTime() - Date.now()) / 3600_000).toBeCloseTo(24, 0);
      const [failed] = await db.select().from(events).where(and(eq(events.subscriptionId, subscription.id), eq(events.type, "subscription.failed")));
      expect(failed!.payload).toMatchObject({ event: "subscription.failed", subscription_id: subscription.id, message: "Your card has insufficient funds." });

      for (let retry = 2; retry <= 5; retry++) {
        await makeDue(subscription.id);
        await renewDueSubscriptions(db);
      }
      const canceled = await reload(subscription.id);
      expect(canceled).toMatchObject({ status: "canceled", failedCharges: 5 });
      expect(await eventTypes(subscription.id)).toEqual([
        "subscription.created",
        ...Array(5).fill("subscription.failed"),
        "subscription.canceled",
      ]);
      const [renewal] = await db.select().from(paymentIntents).where(eq(paymentIntents.subscriptionId, subscription.id));
      expect(renewal).toMatchObject({ status: "failed", attemptCount: 5 });
    } finally {
      delete process.env.KASSA_RENEWAL_RETRY_HOURS;
    }
  });

  it("recover from past_due when a retry succeeds", async () => {
    const merchant = await createTestMerchant();
    const subscription = await subscribe(merchant);
    let calls = 0;
    setProcessor(
      new (class extends SimulatedProcessor {
        override async authorize(request: AuthorizationRequest): Promise<AuthorizationResult | AuthenticationRequired> {
          calls++;
          if (calls === 1) return { approved: false, processorReference: "x", declineCode: "51", message: "Your card has insufficient funds." };
          return super.authorize(request);
        }
      })(),
    );
    const db = await getDb();
    await makeDue(subscription.id);
    await renewDueSubscriptions(db);
    expect((await reload(subscription.id)).status).toBe("past_due");
    await makeDue(subscription.id);
    await renewDueSubscriptions(db);
    expect(await reload(subscription.id)).toMatchObject({ status: "active", failedCharges: 0, nextPeriod: 3 });
  });

  it("charge a period once when several workers race", async () => {
    const merchant = await createTestMerchant();
    const subscription = await subscribe(merchant);
    await makeDue(subscription.id);
    const db = await getDb();
    await Promise.all(Array.from({ length: 5 }, () => renewDueSubscriptions(db)));
    const attempts = await db
      .select()
      .from(paymentAttempts)
      .innerJoin(paymentIntents, eq(paymentIntents.id, paymentAttempts.intentId))
      .where(eq(paymentIntents.subscriptionId, subscription.id));
    expect(attempts).toHaveLength(1);
    expect((await reload(subscription.id)).nextPeriod).toBe(3);
  });

  it("settle a renewal whose worker died mid-charge, without charging again", async () => {
    const merchant = await createTestMerchant();
    const subscription = await subscribe(merchant);
    const processor = new SimulatedProcessor();
    setProcessor(processor);
    const db = await getDb();
    // The first worker charged the card and died before settling; its lease ran out.
    await makeDue(subscription.id);
    await renewDueSubscriptions(db, 10, new (class extends SimulatedProcessor {
      override async authorize(request: AuthorizationRequest): Promise<AuthorizationResult | AuthenticationRequired> {
        await processor.authorize(request);
        throw new Error("killed");
      }
    })());
    // The failed call was recorded as a "96" processing error by the authorizer; undo that to model the
    // crash: put the attempt back in flight, as a killed process would have left it.
    const [renewal] = await db.select().from(paymentIntents).where(eq(paymentIntents.subscriptionId, subscription.id));
    const [attempt] = await db.select().from(paymentAttempts).where(eq(paymentAttempts.intentId, renewal!.id));
    await db.update(paymentAttempts).set({ status: "processing", declineCode: null, failureMessage: null, completedAt: null, createdAt: sql`now() - interval '10 minutes'` }).where(eq(paymentAttempts.id, attempt!.id));
    await db.update(paymentIntents).set({ status: "processing", lastError: null, updatedAt: sql`now() - interval '10 minutes'` }).where(eq(paymentIntents.id, renewal!.id));
    await db.update(subscriptions).set({ status: "active", failedCharges: 0, nextChargeAt: sql`now() - interval '1 second'` }).where(eq(subscriptions.id, subscription.id));

    expect(await renewDueSubscriptions(db)).toBe(1);
    expect(await reconcileStuckAttempts(db, processor)).toBe(1);
    const attempts = await db.select().from(paymentAttempts).where(eq(paymentAttempts.intentId, renewal!.id));
    expect(attempts).toHaveLength(1);
    expect(attempts[0]!.status).toBe("succeeded");
    expect(await reload(subscription.id)).toMatchObject({ status: "active", nextPeriod: 3 });
  });

  it("stop when canceled through the API, and list through it", async () => {
    const merchant = await createTestMerchant();
    const subscription = await subscribe(merchant);
    const list = await callRoute(subscriptionList.GET, { path: "/api/v1/subscriptions", headers: merchant.auth });
    expect(list.body.data).toEqual([expect.objectContaining({ id: subscription.id, status: "active", amount: 1200, interval_days: 30 })]);
    const canceled = await callRoute(subscriptionCancel.POST, {
      path: `/api/v1/subscriptions/${subscription.id}/cancel`,
      params: { id: subscription.id },
      headers: merchant.auth,
      body: {},
    });
    expect(canceled.body).toMatchObject({ status: "canceled", next_charge_at: null });
    await makeDue(subscription.id);
    expect(await renewDueSubscriptions(await getDb())).toBe(0);
    expect(await eventTypes(subscription.id)).toEqual(["subscription.created", "subscription.canceled"]);
  });

  it("are claimed under a lease a dead worker gives up", async () => {
    const merchant = await createTestMerchant();
    const subscription = await subscribe(merchant);
    const db = await getDb();
    await db
      .update(subscriptions)
      .set({ nextChargeAt: sql`now() - interval '1 second'`, renewalLockedUntil: sql`now() + interval '1 minute'` })
      .where(eq(subscriptions.id, subscription.id));
    expect(await renewDueSubscriptions(db)).toBe(0);
    await db.update(subscriptions).set({ renewalLockedUntil: sql`now() - interval '1 second'` }).where(eq(subscriptions.id, subscription.id));
    expect(await renewDueSubscriptions(db)).toBe(1);
  });
});
