import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { events, merchants, paymentAttempts, paymentIntents, subscriptions, webhookDeliveries } from "@/db/schema";
import { createIntent } from "@/lib/intents/create-intent";
import { insertWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { expireDueIntents } from "@/lib/intents/expire-intent";
import { renewDueSubscriptions } from "@/lib/subscriptions/renew-due-subscriptions";
import { callRoute } from "@/lib/testing/call-route";
import { createTestMerchant, payIntent, validIntent } from "@/lib/testing/fixtures";
import * as nativeIntents from "@/app/api/v1/payment-intents/route";
import * as nativeConfirm from "@/app/api/v1/payment-intents/[id]/confirm/route";
import * as challengeRoute from "@/app/pay/[id]/challenge/route";
import { reconcileStuckAttempts } from "@/lib/worker/reconcile-stuck-attempts";
import { completeChallenge } from "../challenge-attempt";
import { SimulatedProcessor } from "../simulated-processor";

const ALWAYS = "4000002760003184";
const ONCE = "4000002500003155";

async function openIntent(input: { recurringIntervalDays?: number; uiMode?: "hosted" | "embedded" } = {}) {
  const { merchant } = await createTestMerchant();
  const db = await getDb();
  // Every event a merchant can hear of is queued for this endpoint, so a test can see what is sent.
  await insertWebhookEndpoint(db, merchant.id, { url: "https://merchant.example/hooks" });
  return createIntent(db, merchant, { dialect: "native", amount: 2500, currency: "EUR", successUrl: "https://shop.example/ok", cancelUrl: "https://shop.example/cart", ...input }, { type: "system" });
}

async function reread(intentId: string) {
  const db = await getDb();
  const [intent] = await db.select().from(paymentIntents).where(eq(paymentIntents.id, intentId));
  const attempts = await db.select().from(paymentAttempts).where(eq(paymentAttempts.intentId, intentId)).orderBy(paymentAttempts.number);
  const trail = (await db.select().from(events).where(eq(events.intentId, intentId)).orderBy(events.sequence)).map((event) => event.type);
  return { intent: intent!, attempts, trail };
}

function postChallenge(intentId: string, form: Record<string, string>) {
  return challengeRoute.POST(
    new Request(`http://kassa.test/pay/${intentId}/challenge`, { method: "POST", body: new URLSearchParams(form) }),
    { params: Promise.resolve({ id: intentId }) },
  );
}

describe("3-D Secure, simulated", () => {
  it("parks a payment with 4000 0027 6000 3184 as requires_action until the buyer answers, then pays it", async () => {
    const intent = await openIntent();
    const parked = await payIntent(intent.id, ALWAYS);
    expect(parked.outcome).toBe("requires_action");
    let state = await reread(intent.id);
    expect(state.intent.status).toBe("requires_action");
    expect(state.attempts.map((attempt) => attempt.status)).toEqual(["requires_action"]);
    expect(state.trail).toEqual(["payment.created", "payment.requires_action"]);

    const db = await getDb();
    const paid = await completeChallenge(db, { intentId: intent.id, clientSecret: intent.clientSecret, authenticated: true });
    expect(paid.outcome).toBe("succeeded");
    state = await reread(intent.id);
    expect(state.intent).toMatchObject({ status: "succeeded", attemptCount: 1, amountCaptured: 2500 });
    expect(state.attempts.map((attempt) => attempt.status)).toEqual(["succeeded"]);
    expect(state.trail).toEqual(["payment.created", "payment.requires_action", "payment.succeeded"]);
    // Answering again changes nothing.
    await expect(completeChallenge(db, { intentId: intent.id, clientSecret: intent.clientSecret, authenticated: false })).rejects.toMatchObject({
      code: "intent_unexpected_state",
    });
  });

  it("declines a failed challenge with authentication_failed, counted as an attempt the buyer may retry", async () => {
    const intent = await openIntent();
    await payIntent(intent.id, ALWAYS);
    const response = await postChallenge(intent.id, { client_secret: intent.clientSecret, answer: "fail" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toContain(`/pay/${intent.id}?client_secret=`);
    const state = await reread(intent.id);
    expect(state.intent).toMatchObject({ status: "requires_payment_method", attemptCount: 1 });
    expect(state.intent.lastError).toMatchObject({ declineCode: "authentication_failed" });
    expect(state.attempts[0]).toMatchObject({ status: "declined", declineCode: "authentication_failed" });

    // The merchant hears of the failed attempt as of any decline; never of the challenge itself.
    const db = await getDb();
    const sent = await db.select({ type: events.type }).from(webhookDeliveries).innerJoin(events, eq(events.id, webhookDeliveries.eventId)).where(eq(events.intentId, intent.id));
    expect(sent.map((row) => row.type)).toEqual(["payment.failed"]);

    expect((await payIntent(intent.id, "4242424242424242")).outcome).toBe("succeeded");
  });

  it("answers the native confirm with 200, status requires_action and the challenge as next_action", async () => {
    const merchant = await createTestMerchant();
    const created = await callRoute(nativeIntents.POST, { path: "/api/v1/payment-intents", headers: merchant.auth, body: validIntent });
    const { status, body } = await callRoute(nativeConfirm.POST, {
      path: `/api/v1/payment-intents/${created.body.id}/confirm`,
      params: { id: created.body.id },
      body: { client_secret: created.body.client_secret, card: { number: ALWAYS, exp_month: 12, exp_year: 2040, cvc: "123" } },
    });
    expect(status).toBe(200);
    expect(body.status).toBe("requires_action");
    expect(body.next_action).toEqual({
      type: "redirect_to_url",
      redirect_to_url: { url: expect.stringMatching(new RegExp(`/pay/${created.body.id}/challenge\\?client_secret=`)) },
    });
  });

  it("asks 4000 0025 0000 3155 on a subscription's first payment only; its renewals charge without a challenge", async () => {
    const intent = await openIntent({ recurringIntervalDays: 30 });
    expect((await payIntent(intent.id, ONCE)).outcome).toBe("requires_action");
    const db = await getDb();
    expect((await completeChallenge(db, { intentId: intent.id, clientSecret: intent.clientSecret, authenticated: true })).outcome).toBe("succeeded");
    const [subscription] = await db.select().from(subscriptions).where(eq(subscriptions.intentId, intent.id));
    await db.update(subscriptions).set({ nextChargeAt: sql`now() - interval '1 second'` }).where(eq(subscriptions.id, subscription!.id));
    await renewDueSubscriptions(db);
    const [renewed] = await db.select().from(subscriptions).where(eq(subscriptions.id, subscription!.id));
    expect(renewed).toMatchObject({ status: "active", nextPeriod: 3 });
  });

  it("declines renewals of 4000 0027 6000 3184 with authentication_required: nobody is there to answer", async () => {
    const intent = await openIntent({ recurringIntervalDays: 30 });
    await payIntent(intent.id, ALWAYS);
    const db = await getDb();
    await completeChallenge(db, { intentId: intent.id, clientSecret: intent.clientSecret, authenticated: true });
    const [subscription] = await db.select().from(subscriptions).where(eq(subscriptions.intentId, intent.id));
    await db.update(subscriptions).set({ nextChargeAt: sql`now() - interval '1 second'` }).where(eq(subscriptions.id, subscription!.id));
    await renewDueSubscriptions(db);
    const [renewal] = await db.select().from(paymentIntents).where(eq(paymentIntents.subscriptionId, subscription!.id));
    expect(renewal!.lastError).toMatchObject({ declineCode: "authentication_required" });
    const [after] = await db.select().from(subscriptions).where(eq(subscriptions.id, subscription!.id));
    expect(after!.status).toBe("past_due");
  });

  it("expires a challenge nobody answered, and refuses an answer after that", async () => {
    const intent = await openIntent();
    await payIntent(intent.id, ALWAYS);
    const db = await getDb();
    await db.update(paymentIntents).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(paymentIntents.id, intent.id));
    expect(await expireDueIntents(db)).toBeGreaterThanOrEqual(1);
    expect((await reread(intent.id)).intent.status).toBe("expired");
    await expect(completeChallenge(db, { intentId: intent.id, clientSecret: intent.clientSecret, authenticated: true })).rejects.toMatchObject({
      code: "intent_unexpected_state",
    });
  });

  it("is not mistaken for a dead process's attempt while the bank finishes it, however long the buyer took", async () => {
    const intent = await openIntent();
    await payIntent(intent.id, ALWAYS);
    const db = await getDb();
    await db.update(paymentAttempts).set({ createdAt: sql`now() - interval '10 minutes'` }).where(eq(paymentAttempts.intentId, intent.id));
    let reconciledMeanwhile = -1;
    const processor = new (class extends SimulatedProcessor {
      override async completeAuthentication(request: { reference: string; processorReference: string; authenticated: boolean }) {
        reconciledMeanwhile = await reconcileStuckAttempts(db, this);
        return super.completeAuthentication(request);
      }
    })();
    const settled = await completeChallenge(db, { intentId: intent.id, clientSecret: intent.clientSecret, authenticated: true }, processor);
    expect(reconciledMeanwhile).toBe(0);
    expect(settled.outcome).toBe("succeeded");
  });

  it("lets the buyer or the merchant cancel a payment that waits on its challenge", async () => {
    const intent = await openIntent({ uiMode: "embedded" });
    await payIntent(intent.id, ALWAYS);
    const { cancelCheckout } = await import("../cancel-checkout");
    const canceled = await cancelCheckout(await getDb(), intent.id, intent.clientSecret);
    expect(canceled.status).toBe("canceled");
  });

  it("closes the waiting attempt when the payment is canceled instead, so none stays requires_action", async () => {
    const intent = await openIntent({ uiMode: "embedded" });
    await payIntent(intent.id, ALWAYS);
    const { cancelCheckout } = await import("../cancel-checkout");
    await cancelCheckout(await getDb(), intent.id, intent.clientSecret);
    const state = await reread(intent.id);
    expect(state.intent.status).toBe("canceled");
    expect(state.attempts).toMatchObject([{ status: "declined", declineCode: "authentication_abandoned" }]);
  });

  it("lets the buyer leave a challenge for another card: the attempt is declined and the page asks again", async () => {
    const intent = await openIntent();
    await payIntent(intent.id, ALWAYS);
    const response = await postChallenge(intent.id, { client_secret: intent.clientSecret, answer: "abandon" });
    expect(response.headers.get("location")).toContain(`/pay/${intent.id}?client_secret=`);
    let state = await reread(intent.id);
    expect(state.intent).toMatchObject({ status: "requires_payment_method", attemptCount: 1 });
    const paid = await payIntent(intent.id, "4242424242424242");
    expect(paid.outcome).toBe("succeeded");
    state = await reread(intent.id);
    expect(state.attempts.map((attempt) => attempt.status)).toEqual(["declined", "succeeded"]);
  });

  it("takes no answer once the merchant is suspended, and leaves the payment waiting", async () => {
    const intent = await openIntent();
    await payIntent(intent.id, ALWAYS);
    const db = await getDb();
    await db.update(merchants).set({ status: "suspended" }).where(eq(merchants.id, intent.merchantId));
    await expect(completeChallenge(db, { intentId: intent.id, clientSecret: intent.clientSecret, authenticated: true })).rejects.toMatchObject({
      code: "merchant_suspended",
    });
    const state = await reread(intent.id);
    expect(state.intent.status).toBe("requires_action");
    expect(state.attempts.map((attempt) => attempt.status)).toEqual(["requires_action"]);
  });
});
