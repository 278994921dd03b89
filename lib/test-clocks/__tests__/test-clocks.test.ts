import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { paymentIntents, subscriptions } from "@/db/schema";
import { completeChallenge } from "@/lib/checkout/challenge-attempt";
import { expireDueIntents } from "@/lib/intents/expire-intent";
import { voidStaleAuthorizations } from "@/lib/intents/void-stale-authorizations";
import { renewDueSubscriptions } from "@/lib/subscriptions/renew-due-subscriptions";
import { callRoute } from "@/lib/testing/call-route";
import { createTestMerchant, payIntent, validIntent, type TestMerchant } from "@/lib/testing/fixtures";
import { deliverAllDue, useWebhookReceiver } from "@/lib/testing/webhook-world";
import * as nativeIntents from "@/app/api/v1/payment-intents/route";
import * as nativeIntent from "@/app/api/v1/payment-intents/[id]/route";
import * as clocks from "@/app/api/v1/test-clocks/route";
import * as clock from "@/app/api/v1/test-clocks/[id]/route";
import * as advance from "@/app/api/v1/test-clocks/[id]/advance/route";
import * as failNext from "@/app/api/v1/test-helpers/subscriptions/[id]/fail_next_renewal/route";
import * as capture from "@/app/api/v1/payment-intents/[id]/capture/route";

const DAY = 24 * 3600_000;
const world = useWebhookReceiver();
const merchantWithEndpoint = () => world.merchantWithEndpoint();
const drain = deliverAllDue;

async function newClock(merchant: TestMerchant, frozenTime: Date) {
  const { status, body } = await callRoute(clocks.POST, { path: "/api/v1/test-clocks", headers: merchant.auth, body: { frozen_time: frozenTime.toISOString(), name: "billing" } });
  expect(status, JSON.stringify(body)).toBe(201);
  return body as { id: string; frozen_time: string };
}

function advanceTo(merchant: TestMerchant, clockId: string, to: Date) {
  return callRoute(advance.POST, { path: `/api/v1/test-clocks/${clockId}/advance`, params: { id: clockId }, headers: merchant.auth, body: { frozen_time: to.toISOString() } });
}

async function subscriptionOnClock(merchant: TestMerchant, clockId: string, card = "4242424242424242") {
  const { status, body } = await callRoute(nativeIntents.POST, {
    path: "/api/v1/payment-intents",
    headers: merchant.auth,
    body: { ...validIntent, amount: 1500, recurring: { interval_days: 30 }, test_clock: clockId },
  });
  expect(status, JSON.stringify(body)).toBe(201);
  const paid = await payIntent(body.id, card);
  expect(paid.outcome).toBe("succeeded");
  const db = await getDb();
  const [subscription] = await db.select().from(subscriptions).where(eq(subscriptions.intentId, body.id));
  return { intent: body, subscription: subscription! };
}

describe("test clocks", () => {
  it("a monthly subscription advanced by 95 days renews three times, its webhooks in order and on the clock's time", async () => {
    const merchant = await merchantWithEndpoint();
    const start = new Date("2027-03-01T09:00:00.000Z");
    const { id } = await newClock(merchant, start);
    const { intent, subscription } = await subscriptionOnClock(merchant, id);
    expect(intent.test_clock).toBe(id);
    expect(intent.created_at).toBe(start.toISOString());
    expect(subscription.testClockId).toBe(id);
    expect(subscription.currentPeriodStart.toISOString()).toBe(start.toISOString());

    const db = await getDb();
    await drain();
    world.receiver.received.length = 0;

    const { status, body } = await advanceTo(merchant, id, new Date(start.getTime() + 95 * DAY));
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.frozen_time).toBe(new Date(start.getTime() + 95 * DAY).toISOString());
    expect(body.status).toBe("ready");

    await drain();
    const renewals = world.receiver.received.filter((hook) => hook.payload.type === "subscription.renewed");
    expect(renewals).toHaveLength(3);
    const bySequence = [...renewals].sort((a, b) => Number(a.headers["webhook-sequence"]) - Number(b.headers["webhook-sequence"]));
    expect(bySequence.map((hook) => hook.payload.created_at)).toEqual([30, 60, 90].map((days) => new Date(start.getTime() + days * DAY).toISOString()));
    // The subscription's own numbers: created 1, then renewed 2, 3, 4, gapless, in the body and the header.
    expect(bySequence.map((hook) => hook.payload.sequence)).toEqual([2, 3, 4]);
    expect(bySequence.map((hook) => hook.headers["webhook-sequence"])).toEqual(["2", "3", "4"]);
    const [after] = await db.select().from(subscriptions).where(eq(subscriptions.id, subscription.id));
    expect(after!.nextPeriod).toBe(5);
    expect(after!.currentPeriodStart.toISOString()).toBe(new Date(start.getTime() + 90 * DAY).toISOString());
    const renewalIntents = await db.select().from(paymentIntents).where(eq(paymentIntents.subscriptionId, subscription.id));
    expect(renewalIntents.map((renewal) => renewal.status)).toEqual(["succeeded", "succeeded", "succeeded"]);
    expect(renewalIntents.every((renewal) => renewal.testClockId === id)).toBe(true);
  });

  it("a renewal declined on the clock is retried a day later, and the retry succeeds", async () => {
    const merchant = await merchantWithEndpoint();
    const start = new Date("2027-06-01T00:00:00.000Z");
    const { id } = await newClock(merchant, start);
    const { subscription } = await subscriptionOnClock(merchant, id);
    const marked = await callRoute(failNext.POST, { path: `/api/v1/test-helpers/subscriptions/${subscription.id}/fail_next_renewal`, params: { id: subscription.id }, headers: merchant.auth, body: { decline_code: "51" } });
    expect(marked.status, JSON.stringify(marked.body)).toBe(200);

    expect((await advanceTo(merchant, id, new Date(start.getTime() + 30 * DAY + 3600_000))).status).toBe(200);
    const db = await getDb();
    const [pastDue] = await db.select().from(subscriptions).where(eq(subscriptions.id, subscription.id));
    expect(pastDue!.status).toBe("past_due");
    expect(pastDue!.nextChargeAt.toISOString()).toBe(new Date(start.getTime() + 31 * DAY).toISOString());

    expect((await advanceTo(merchant, id, new Date(start.getTime() + 32 * DAY))).status).toBe(200);
    const [renewed] = await db.select().from(subscriptions).where(eq(subscriptions.id, subscription.id));
    expect(renewed!.status).toBe("active");
    expect(renewed!.nextPeriod).toBe(3);
    expect(renewed!.failNextRenewal).toBeNull();

    await drain();
    const told = world.receiver.received.filter((hook) => hook.payload.type.startsWith("subscription.")).sort((a, b) => a.payload.sequence - b.payload.sequence);
    expect(told.map((hook) => [hook.payload.type, hook.payload.created_at])).toEqual([
      ["subscription.created", start.toISOString()],
      ["subscription.failed", new Date(start.getTime() + 30 * DAY).toISOString()],
      ["subscription.renewed", new Date(start.getTime() + 31 * DAY).toISOString()],
    ]);
  });

  it("a subscription whose card declines every renewal is canceled after the last retry, all on the clock", async () => {
    const merchant = await merchantWithEndpoint();
    const start = new Date("2027-01-10T00:00:00.000Z");
    const { id } = await newClock(merchant, start);
    const { subscription } = await subscriptionOnClock(merchant, id, "4000000000000341");
    expect((await advanceTo(merchant, id, new Date(start.getTime() + 60 * DAY))).status).toBe(200);
    const db = await getDb();
    const [ended] = await db.select().from(subscriptions).where(eq(subscriptions.id, subscription.id));
    expect(ended!.status).toBe("canceled");
    expect(ended!.failedCharges).toBe(5);
    // First try at day 30, retries 24, 72, 120 and 168 hours after each decline.
    expect(ended!.canceledAt!.toISOString()).toBe(new Date(start.getTime() + (30 + 1 + 3 + 5 + 7) * DAY).toISOString());
  });

  it("an intent on a clock expires when its clock passes expires_at, and not before", async () => {
    const merchant = await merchantWithEndpoint();
    const start = new Date("2026-01-01T00:00:00.000Z");
    const { id } = await newClock(merchant, start);
    const { body: intent } = await callRoute(nativeIntents.POST, { path: "/api/v1/payment-intents", headers: merchant.auth, body: { ...validIntent, expires_in: 3600, test_clock: id } });
    expect(intent.expires_at).toBe(new Date(start.getTime() + 3600_000).toISOString());

    // By the wall clock it expired long ago; on its own clock it has not.
    const db = await getDb();
    await expireDueIntents(db, merchant.merchant.id);
    const read = () => callRoute(nativeIntent.GET, { path: `/api/v1/payment-intents/${intent.id}`, params: { id: intent.id }, headers: merchant.auth });
    expect((await read()).body.status).toBe("requires_payment_method");

    expect((await advanceTo(merchant, id, new Date(start.getTime() + 3599_000))).status).toBe(200);
    expect((await read()).body.status).toBe("requires_payment_method");
    expect((await advanceTo(merchant, id, new Date(start.getTime() + 2 * 3600_000))).status).toBe(200);
    expect((await read()).body.status).toBe("expired");
    await drain();
    const expired = world.receiver.received.find((hook) => hook.payload.type === "payment.expired");
    expect(expired?.payload.created_at).toBe(new Date(start.getTime() + 3600_000).toISOString());
  });

  it("refuses to go back in time, an unknown clock, and another merchant's", async () => {
    const merchant = await createTestMerchant();
    const other = await createTestMerchant();
    const start = new Date("2027-01-01T00:00:00.000Z");
    const { id } = await newClock(merchant, start);
    const back = await advanceTo(merchant, id, new Date(start.getTime() - 1000));
    expect(back.status).toBe(400);
    expect(back.body.error.param).toBe("frozen_time");
    expect((await advanceTo(other, id, new Date(start.getTime() + DAY))).status).toBe(404);
    expect((await callRoute(clock.GET, { path: `/api/v1/test-clocks/${id}`, params: { id }, headers: other.auth })).status).toBe(404);
    const bad = await callRoute(clocks.POST, { path: "/api/v1/test-clocks", headers: merchant.auth, body: { frozen_time: "next tuesday" } });
    expect(bad.status).toBe(400);
    const onUnknown = await callRoute(nativeIntents.POST, { path: "/api/v1/payment-intents", headers: merchant.auth, body: { ...validIntent, test_clock: "clock_nope" } });
    expect(onUnknown.status).toBe(404);
    expect(onUnknown.body.error.param).toBe("test_clock");
    const deleted = await callRoute(clock.DELETE, { path: `/api/v1/test-clocks/${id}`, params: { id }, headers: merchant.auth });
    expect(deleted.body.deleted).toBe(true);
    expect((await callRoute(clock.GET, { path: `/api/v1/test-clocks/${id}`, params: { id }, headers: merchant.auth })).status).toBe(404);
  });

  it("the worker leaves what lives on a clock alone, however overdue the wall clock makes it", async () => {
    const merchant = await createTestMerchant();
    const start = new Date("2025-01-01T00:00:00.000Z");
    const { id } = await newClock(merchant, start);
    const { subscription } = await subscriptionOnClock(merchant, id);
    const { body: open } = await callRoute(nativeIntents.POST, { path: "/api/v1/payment-intents", headers: merchant.auth, body: { ...validIntent, test_clock: id } });
    const { body: held } = await callRoute(nativeIntents.POST, { path: "/api/v1/payment-intents", headers: merchant.auth, body: { ...validIntent, capture_method: "manual", test_clock: id } });
    expect((await payIntent(held.id)).outcome).toBe("authorized");
    const db = await getDb();
    // Due long ago by the wall clock: a renewal (2025-01-31), an expiry (2025-01-01 01:00), a hold older than 7 days.
    await renewDueSubscriptions(db);
    await expireDueIntents(db, merchant.merchant.id);
    await voidStaleAuthorizations(db);
    const [untouched] = await db.select().from(subscriptions).where(eq(subscriptions.id, subscription.id));
    expect(untouched!.nextPeriod).toBe(2);
    const statuses = await db.select({ id: paymentIntents.id, status: paymentIntents.status }).from(paymentIntents).where(eq(paymentIntents.testClockId, id));
    expect(Object.fromEntries(statuses.map((row) => [row.id, row.status]))).toMatchObject({ [open.id]: "requires_payment_method", [held.id]: "authorized" });
    // A list filtered by status agrees with a read of each.
    const { body: listed } = await callRoute(nativeIntents.GET, { path: "/api/v1/payment-intents?status=requires_payment_method", headers: merchant.auth });
    expect(listed.data.map((intent: { id: string }) => intent.id)).toContain(open.id);

    // Its own clock, advanced eight days, voids the hold at the clock's time.
    expect((await advanceTo(merchant, id, new Date(start.getTime() + 8 * DAY))).status).toBe(200);
    const [voided] = await db.select().from(paymentIntents).where(eq(paymentIntents.id, held.id));
    expect(voided!.status).toBe("canceled");
    expect(voided!.canceledAt!.toISOString()).toBe(new Date(start.getTime() + 7 * DAY).toISOString());
  });

  it("a subscription paid after 3-D Secure, or captured by hand, starts on the clock's time", async () => {
    const merchant = await createTestMerchant();
    const start = new Date("2028-05-01T12:00:00.000Z");
    const { id } = await newClock(merchant, start);
    const db = await getDb();

    const { body: challenged } = await callRoute(nativeIntents.POST, { path: "/api/v1/payment-intents", headers: merchant.auth, body: { ...validIntent, recurring: { interval_days: 30 }, test_clock: id } });
    expect((await payIntent(challenged.id, "4000002500003155")).outcome).toBe("requires_action");
    const [waiting] = await db.select().from(paymentIntents).where(eq(paymentIntents.id, challenged.id));
    expect((await completeChallenge(db, { intentId: challenged.id, clientSecret: waiting!.clientSecret, authenticated: true })).outcome).toBe("succeeded");
    const [afterChallenge] = await db.select().from(subscriptions).where(eq(subscriptions.intentId, challenged.id));
    expect(afterChallenge!.currentPeriodStart.toISOString()).toBe(start.toISOString());

    const { body: manual } = await callRoute(nativeIntents.POST, { path: "/api/v1/payment-intents", headers: merchant.auth, body: { ...validIntent, capture_method: "manual", recurring: { interval_days: 30 }, test_clock: id } });
    expect((await payIntent(manual.id)).outcome).toBe("authorized");
    const captured = await callRoute(capture.POST, { path: `/api/v1/payment-intents/${manual.id}/capture`, params: { id: manual.id }, headers: merchant.auth, body: {} });
    expect(captured.status, JSON.stringify(captured.body)).toBe(200);
    const [afterCapture] = await db.select().from(subscriptions).where(eq(subscriptions.intentId, manual.id));
    expect(afterCapture!.nextChargeAt.toISOString()).toBe(new Date(start.getTime() + 30 * DAY).toISOString());
  });

  it("refuses a year a database cannot hold", async () => {
    const merchant = await createTestMerchant();
    for (const frozen_time of ["0000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z", -5]) {
      const answer = await callRoute(clocks.POST, { path: "/api/v1/test-clocks", headers: merchant.auth, body: { frozen_time } });
      expect(answer.status, String(frozen_time)).toBe(400);
      expect(answer.body.error.param).toBe("frozen_time");
    }
  });
});
