import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { cardTokens, events, merchants, paymentAttempts, paymentIntents, subscriptions } from "@/db/schema";
import * as nativeIntents from "@/app/api/v1/payment-intents/route";
import * as nativeCapture from "@/app/api/v1/payment-intents/[id]/capture/route";
import * as nativeVoid from "@/app/api/v1/payment-intents/[id]/void/route";
import * as nativeRefunds from "@/app/api/v1/payment-intents/[id]/refunds/route";
import * as challengePage from "@/app/pay/[id]/challenge/route";
import { freshWalletXpub } from "@/lib/testing/chain-world";
import { openDeposit } from "@/lib/stablecoins/open-deposit";
import { setWallet } from "@/lib/stablecoins/set-wallet";
import { removeAcquirer } from "@/lib/accounts/remove-acquirer";
import { claimPayment } from "@/lib/checkout/claim-attempt";
import { validateCard } from "@/lib/checkout/card";
import { challengeReturnUrl } from "@/lib/checkout/checkout-url";
import type { AuthorizationRequest } from "@/lib/checkout/processor";
import { setProcessor, SimulatedProcessor } from "@/lib/checkout/simulated-processor";
import { createIntent } from "@/lib/intents/create-intent";
import { renewDueSubscriptions } from "@/lib/subscriptions/renew-due-subscriptions";
import { callRoute } from "@/lib/testing/call-route";
import { readIntent, validIntent } from "@/lib/testing/fixtures";
import { startLiveWorld, type LiveMerchant } from "@/lib/testing/live-world";
import { stripeAcquirer } from "../stripe";

/** The simulation, counting what reaches it: a live intent must never. */
class CountingSimulation extends SimulatedProcessor {
  authorizations = 0;
  override async authorize(request: AuthorizationRequest) {
    this.authorizations++;
    return super.authorize(request);
  }
}

let world: Awaited<ReturnType<typeof startLiveWorld>>;
let simulation: CountingSimulation;
beforeAll(async () => {
  world = await startLiveWorld();
});
afterAll(async () => {
  await world.close();
  setProcessor(new SimulatedProcessor());
});
afterEach(() => {
  world.fake.disrupt(null);
  delete process.env.KASSA_CHAINS;
  delete process.env.KASSA_PROCESSOR_TIMEOUT_MS;
});

async function liveIntent(merchant: LiveMerchant, body: Record<string, unknown> = {}) {
  const created = await callRoute(nativeIntents.POST, { path: "/api/v1/payment-intents", body: { ...validIntent, amount: 4200, currency: "EUR", ...body }, headers: merchant.live.auth });
  expect(created.status).toBe(201);
  return created.body as { id: string; livemode?: boolean };
}

async function intentRow(id: string) {
  const [row] = await (await getDb()).select().from(paymentIntents).where(eq(paymentIntents.id, id));
  return row!;
}

const paymentIntentCalls = () => world.fake.callsTo("POST", "/v1/payment_intents");

describe("a live intent's card goes to the merchant's acquirer (Stripe), never to the simulation", () => {
  it("reaches the acquirer once, with the amount, currency, capture method and Kassa's reference", async () => {
    simulation = new CountingSimulation();
    setProcessor(simulation);
    const merchant = await world.liveMerchant();
    const before = paymentIntentCalls().length;
    const intent = await liveIntent(merchant);
    const landing = await world.payOnPage(intent.id, "4242424242424242");
    expect(landing).toMatch(/^https:\/\/shop\.example\.com\/success/);

    const [attempt] = await world.attemptsOf(intent.id);
    const calls = paymentIntentCalls().slice(before);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      idempotencyKey: attempt!.id,
      params: { amount: "4200", currency: "eur", capture_method: "automatic", metadata: { kassa_reference: attempt!.id, kassa_intent: intent.id } },
    });
    // Confirmed once, by id, under a key of its own.
    const confirms = world.fake.calls.filter((call) => call.path === `/v1/payment_intents/${attempt!.processorReference}/confirm`);
    expect(confirms.map((call) => call.idempotencyKey)).toEqual([`${attempt!.id}-confirm`]);
    const stripeIntent = world.fake.ledger.intents.get(attempt!.processorReference!)!;
    expect(stripeIntent).toMatchObject({ status: "succeeded", amount_received: 4200 });
    expect(await intentRow(intent.id)).toMatchObject({ status: "succeeded", mode: "live", amountCaptured: 4200 });
    expect(simulation.authorizations).toBe(0);

    // And the reverse: the same merchant's test intent goes to the simulation, and Stripe hears nothing.
    const callsBefore = world.fake.calls.length;
    const testIntent = await callRoute(nativeIntents.POST, { path: "/api/v1/payment-intents", body: validIntent, headers: merchant.auth });
    await world.payOnPage(testIntent.body.id, "4242424242424242");
    expect(simulation.authorizations).toBe(1);
    expect(world.fake.calls.length).toBe(callsBefore);
  });

  it("shows the acquirer's decline to the buyer, and counts it as an attempt", async () => {
    const merchant = await world.liveMerchant();
    const intent = await liveIntent(merchant);
    const landing = await world.payOnPage(intent.id, "4000000000009995");
    expect(landing).toContain(`/pay/${intent.id}?client_secret=`);
    const row = await intentRow(intent.id);
    expect(row).toMatchObject({ status: "requires_payment_method", attemptCount: 1 });
    expect(row.lastError).toMatchObject({ declineCode: "51", message: "Your card has insufficient funds." });
    const [attempt] = await world.attemptsOf(intent.id);
    expect(attempt).toMatchObject({ status: "declined", declineCode: "51" });
    expect(world.fake.ledger.intents.get(attempt!.processorReference!)?.status).toBe("requires_payment_method");
  });

  it("sends the buyer to the bank's 3-D Secure page and back, then settles with what Stripe says", async () => {
    const merchant = await world.liveMerchant();
    const passed = await liveIntent(merchant);
    expect(await world.payOnPage(passed.id, "4000002500003155", "complete")).toMatch(/^https:\/\/shop\.example\.com\/success/);
    const [attempt] = await world.attemptsOf(passed.id);
    expect(attempt).toMatchObject({ status: "succeeded" });
    expect(attempt!.challengeUrl).toContain(`${world.fake.url}/challenge/`);
    const confirm = world.fake.calls.find((candidate) => candidate.idempotencyKey === `${attempt!.id}-confirm`)!;
    expect(confirm.params.return_url).toBe(challengeReturnUrl(await intentRow(passed.id)));

    const failed = await liveIntent(merchant);
    expect(await world.payOnPage(failed.id, "4000002500003155", "fail")).toContain(`/pay/${failed.id}?client_secret=`);
    expect(await intentRow(failed.id)).toMatchObject({ status: "requires_payment_method", attemptCount: 1 });
    const [declined] = await world.attemptsOf(failed.id);
    expect(declined).toMatchObject({ status: "declined", declineCode: "authentication_failed" });
  });

  it("captures part of an authorization, refunds part of it, and voids another, at the acquirer", async () => {
    const merchant = await world.liveMerchant();
    const held = await liveIntent(merchant, { capture_method: "manual" });
    await world.payOnPage(held.id, "4242424242424242");
    expect(await intentRow(held.id)).toMatchObject({ status: "authorized" });
    const [attempt] = await world.attemptsOf(held.id);
    const stripeId = attempt!.processorReference!;
    expect(world.fake.ledger.intents.get(stripeId)).toMatchObject({ status: "requires_capture", amount_capturable: 4200, capture_method: "manual" });

    const captured = await callRoute(nativeCapture.POST, { path: `/api/v1/payment-intents/${held.id}/capture`, params: { id: held.id }, body: { amount_to_capture: 3000 }, headers: merchant.live.auth });
    expect(captured.status).toBe(200);
    expect(captured.body).toMatchObject({ status: "succeeded", amount_captured: 3000 });
    expect(world.fake.ledger.intents.get(stripeId)).toMatchObject({ status: "succeeded", amount_received: 3000 });

    const refund = await callRoute(nativeRefunds.POST, { path: `/api/v1/payment-intents/${held.id}/refunds`, params: { id: held.id }, body: { amount: 1000 }, headers: merchant.live.auth });
    expect(refund.status).toBe(201);
    expect(refund.body).toMatchObject({ status: "succeeded", amount: 1000 });
    expect(world.fake.ledger.refunds.filter((entry) => entry.payment_intent === stripeId)).toEqual([expect.objectContaining({ amount: 1000 })]);

    const voided = await liveIntent(merchant, { capture_method: "manual" });
    await world.payOnPage(voided.id, "4242424242424242");
    const [voidedAttempt] = await world.attemptsOf(voided.id);
    const answer = await callRoute(nativeVoid.POST, { path: `/api/v1/payment-intents/${voided.id}/void`, params: { id: voided.id }, body: {}, headers: merchant.live.auth });
    expect(answer.status).toBe(200);
    expect(answer.body.status).toBe("canceled");
    expect(world.fake.ledger.intents.get(voidedAttempt!.processorReference!)?.status).toBe("canceled");
  });

  it("saves the card at the acquirer on a first recurring payment, and charges renewals off-session", async () => {
    const merchant = await world.liveMerchant();
    const db = await getDb();
    const first = await createIntent(
      db,
      { id: merchant.merchant.id, mode: "live" },
      { dialect: "native", amount: 900, currency: "USD", successUrl: "https://shop.example/ok", cancelUrl: "https://shop.example/cart", recurringIntervalDays: 30 },
      { type: "system" },
    );
    await world.payOnPage(first.id, "4242424242424242");
    const [subscription] = await db.select().from(subscriptions).where(eq(subscriptions.intentId, first.id));
    expect(subscription).toMatchObject({ status: "active", mode: "live" });
    const [token] = await db.select().from(cardTokens).where(eq(cardTokens.id, subscription!.cardTokenId));
    expect(token!.acquirerCustomer).toMatch(/^cus_/);
    expect(token!.acquirerPaymentMethod).toMatch(/^pm_/);
    const [attempt] = await world.attemptsOf(first.id);
    expect(paymentIntentCalls().find((call) => call.idempotencyKey === attempt!.id)?.params).toMatchObject({ setup_future_usage: "off_session", customer: token!.acquirerCustomer });

    const cardsBefore = world.fake.callsTo("POST", "/v1/payment_methods").length;
    await db.update(subscriptions).set({ nextChargeAt: sql`now() - interval '1 second'` }).where(eq(subscriptions.id, subscription!.id));
    await renewDueSubscriptions(db);
    const [renewed] = await db.select().from(subscriptions).where(eq(subscriptions.id, subscription!.id));
    expect(renewed).toMatchObject({ status: "active", nextPeriod: 3 });
    const renewal = paymentIntentCalls().at(-1)!;
    expect(renewal.params).toMatchObject({ customer: token!.acquirerCustomer, payment_method: token!.acquirerPaymentMethod, amount: "900" });
    expect(world.fake.calls.find((call) => call.idempotencyKey === `${renewal.idempotencyKey}-confirm`)?.params).toEqual({ off_session: "true" });
    // No card number was sent again: Kassa has none to send.
    expect(world.fake.callsTo("POST", "/v1/payment_methods").length).toBe(cardsBefore);
  });

  it("reads back a charge whose answer never came, and charges once, without waiting on Stripe's search", async () => {
    process.env.KASSA_PROCESSOR_TIMEOUT_MS = "3000";
    const merchant = await world.liveMerchant();
    const intent = await liveIntent(merchant);
    // Stripe charges the card, and its answer is lost; its search would not show the charge for a minute.
    world.fake.ledger.searchLagMs = 60_000;
    world.fake.disrupt((call) => (call.method === "POST" && call.path.endsWith("/confirm") ? "hold" : null));
    try {
      expect(await world.payOnPage(intent.id, "4242424242424242")).toMatch(/^https:\/\/shop\.example\.com\/success/);
    } finally {
      world.fake.ledger.searchLagMs = 0;
    }
    const [attempt] = await world.attemptsOf(intent.id);
    const charged = [...world.fake.ledger.intents.values()].filter((entry) => entry.metadata.kassa_reference === attempt!.id);
    expect(charged.map((entry) => entry.status)).toEqual(["succeeded"]);
    expect(await intentRow(intent.id)).toMatchObject({ status: "succeeded", attemptCount: 1 });
  });

  it("declines, with nothing charged, a payment whose PaymentIntent was made but never confirmed", async () => {
    process.env.KASSA_PROCESSOR_TIMEOUT_MS = "3000";
    const merchant = await world.liveMerchant();
    const intent = await liveIntent(merchant);
    world.fake.disrupt((call) => (call.method === "POST" && call.path === "/v1/payment_intents" ? "hold" : null));
    await world.payOnPage(intent.id, "4242424242424242");
    const [attempt] = await world.attemptsOf(intent.id);
    expect(attempt).toMatchObject({ status: "declined", declineCode: "96" });
    const made = [...world.fake.ledger.intents.values()].filter((entry) => entry.metadata.kassa_reference === attempt!.id);
    // Made, never confirmed (Kassa confirms only what it saw made): nothing was charged.
    expect(made.map((entry) => [entry.status, entry.amount_received])).toEqual([["requires_confirmation", 0]]);
    expect(world.fake.calls.filter((call) => call.path.endsWith("/confirm") && call.idempotencyKey?.startsWith(attempt!.id))).toEqual([]);
  });

  it("keeps a payment processing, not declined, while nobody can say whether money moved", async () => {
    process.env.KASSA_PROCESSOR_TIMEOUT_MS = "3000";
    const merchant = await world.liveMerchant();
    const intent = await liveIntent(merchant);
    // The confirm's answer is lost, and then Stripe is unreachable for the read-back too.
    world.fake.disrupt((call) => {
      if (call.method === "POST" && call.path.endsWith("/confirm")) {
        world.fake.disrupt(() => "down");
        return "hold";
      }
      return null;
    });
    await world.payOnPage(intent.id, "4242424242424242");
    expect(await intentRow(intent.id)).toMatchObject({ status: "processing", attemptCount: 1 });
    const [attempt] = await world.attemptsOf(intent.id);
    expect(attempt!.status).toBe("processing");

    // Stripe is back; the reconciler (for an attempt older than two minutes: the clock, moved) settles it.
    world.fake.disrupt(null);
    const db = await getDb();
    await db.execute(sql`update payment_attempts set created_at = now() - interval '5 minutes' where id = ${attempt!.id}`);
    await db.execute(sql`update payment_intents set updated_at = now() - interval '5 minutes' where id = ${intent.id}`);
    const { reconcileStuckAttempts } = await import("@/lib/worker/reconcile-stuck-attempts");
    expect(await reconcileStuckAttempts(db)).toBeGreaterThanOrEqual(1);
    expect(await intentRow(intent.id)).toMatchObject({ status: "succeeded", attemptCount: 1 });
  });

  it("gives the buyer a decline to retry while the acquirer is down, and charges once when it is back", async () => {
    const merchant = await world.liveMerchant();
    const intent = await liveIntent(merchant);
    world.fake.disrupt(() => "down");
    await world.payOnPage(intent.id, "4242424242424242");
    expect(await intentRow(intent.id)).toMatchObject({ status: "requires_payment_method", attemptCount: 1 });
    const [down] = await world.attemptsOf(intent.id);
    expect(down).toMatchObject({ status: "declined", declineCode: "96" });

    world.fake.disrupt(null);
    expect(await world.payOnPage(intent.id, "4242424242424242")).toMatch(/^https:\/\/shop\.example\.com\/success/);
    const references = new Set((await world.attemptsOf(intent.id)).map((attempt) => attempt.id));
    const charged = [...world.fake.ledger.intents.values()].filter((entry) => references.has(entry.metadata.kassa_reference!) && entry.status === "succeeded");
    expect(charged).toHaveLength(1);
  });

  it("settles an attempt from the acquirer's late webhook, once, and refuses a forged one", async () => {
    const merchant = await world.liveMerchant();
    const db = await getDb();
    const intent = await intentRow((await liveIntent(merchant)).id);
    // The process that asked Stripe died before it settled: Stripe charged, Kassa's attempt is still processing.
    const card = validateCard({ number: "4242424242424242", expMonth: 12, expYear: 2040, cvc: "123" });
    const claim = await claimPayment(db, intent.id, intent.clientSecret, { card });
    // Another process's adapter: what it learnt died with it.
    const processor = stripeAcquirer.processor({ secretKey: world.fake.secretKey, webhookSecret: null });
    const answer = await processor.authorize({
      reference: claim.attempt.id,
      amount: claim.intent.amount,
      currency: claim.intent.currency,
      card: { pan: card.pan, cvc: card.cvc, expMonth: card.expMonth, expYear: card.expYear },
      token: { fingerprint: claim.token.fingerprint, brand: card.brand, last4: claim.token.last4 },
      capture: true,
      intentId: intent.id,
      returnUrl: challengeReturnUrl(intent),
      saveCard: false,
    });
    const stripeId = (answer as { processorReference: string }).processorReference;
    // Longer ago than any request waits for its answer (the clock, moved).
    await db.update(paymentAttempts).set({ createdAt: sql`now() - interval '5 minutes'` }).where(eq(paymentAttempts.id, claim.attempt.id));
    await db.update(paymentIntents).set({ updatedAt: sql`now() - interval '5 minutes'` }).where(eq(paymentIntents.id, intent.id));

    const forged = await world.fake.sendEvent(world.webhookUrl, "payment_intent.succeeded", stripeId, "whsec_not_the_merchants_secret");
    expect(forged.status).toBe(400);
    expect((await forged.json()).error.code).toBe("signature_invalid");
    expect(await intentRow(intent.id)).toMatchObject({ status: "processing" });

    const first = await world.fake.sendEvent(world.webhookUrl, "payment_intent.succeeded", stripeId);
    expect(await first.json()).toEqual({ received: true, outcome: "settled" });
    const again = await world.fake.sendEvent(world.webhookUrl, "payment_intent.succeeded", stripeId);
    expect(await again.json()).toEqual({ received: true, outcome: "already_settled" });
    expect(await intentRow(intent.id)).toMatchObject({ status: "succeeded", amountCaptured: 4200 });
    const succeeded = await db.select().from(events).where(eq(events.intentId, intent.id));
    expect(succeeded.filter((event) => event.type === "payment.succeeded")).toHaveLength(1);
  });

  it("changes nothing when Stripe tells of a challenge just shown, while the buyer is still at the bank", async () => {
    const merchant = await world.liveMerchant();
    const intent = await intentRow((await liveIntent(merchant)).id);
    const { confirmIntent } = await import("@/lib/checkout/confirm-intent");
    const parked = await confirmIntent(await getDb(), { intentId: intent.id, clientSecret: intent.clientSecret, card: { number: "4000002500003155", expMonth: 12, expYear: 2040, cvc: "123" } });
    expect(parked.outcome).toBe("requires_action");
    const hook = await world.fake.sendEvent(world.webhookUrl, "payment_intent.requires_action", parked.attempt.processorReference!);
    expect(await hook.json()).toEqual({ received: true, outcome: "not_final" });
    expect(world.fake.ledger.intents.get(parked.attempt.processorReference!)?.status).toBe("requires_action");
    expect(await intentRow(intent.id)).toMatchObject({ status: "requires_action" });
  });

  it("saves the card of a first recurring payment that needed 3-D Secure", async () => {
    const merchant = await world.liveMerchant();
    const db = await getDb();
    const first = await createIntent(
      db,
      { id: merchant.merchant.id, mode: "live" },
      { dialect: "native", amount: 700, currency: "USD", successUrl: "https://shop.example/ok", cancelUrl: "https://shop.example/cart", recurringIntervalDays: 30 },
      { type: "system" },
    );
    await world.payOnPage(first.id, "4000002500003155", "complete");
    const [subscription] = await db.select().from(subscriptions).where(eq(subscriptions.intentId, first.id));
    const [token] = await db.select().from(cardTokens).where(eq(cardTokens.id, subscription!.cardTokenId));
    expect(token).toMatchObject({ acquirerCustomer: expect.stringMatching(/^cus_/), acquirerPaymentMethod: expect.stringMatching(/^pm_/) });
  });

  it("settles a 3-D Secure payment the buyer finished at the bank but never came back from", async () => {
    const merchant = await world.liveMerchant();
    const intent = await intentRow((await liveIntent(merchant)).id);
    const db = await getDb();
    const card = validateCard({ number: "4000002500003155", expMonth: 12, expYear: 2040, cvc: "123" });
    const { confirmIntent } = await import("@/lib/checkout/confirm-intent");
    const parked = await confirmIntent(db, { intentId: intent.id, clientSecret: intent.clientSecret, card: { number: card.pan, expMonth: 12, expYear: 2040, cvc: "123" } });
    expect(parked.outcome).toBe("requires_action");
    world.fake.ledger.answerChallenge(parked.attempt.processorReference!, true);
    const hook = await world.fake.sendEvent(world.webhookUrl, "payment_intent.succeeded", parked.attempt.processorReference!);
    expect(await hook.json()).toEqual({ received: true, outcome: "settled" });
    expect(await intentRow(intent.id)).toMatchObject({ status: "succeeded" });
  });

  it("gives back a 3-D Secure payment the buyer finished at the bank after the payment's time ran out, and sends no buyer there any more", async () => {
    // A payment the chain decides the end of (its buyer opened the USDC panel, then chose a card):
    // past its expiry it waits for the chain watcher, so its challenge is still open when Stripe tells.
    process.env.KASSA_CHAINS = JSON.stringify([{ name: "base", chain_id: 8453, rpc_url: "http://127.0.0.1:9/unused", token_address: "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913", token_symbol: "USDC", decimals: 6, confirmations: 12 }]);
    const merchant = await world.liveMerchant();
    const db = await getDb();
    await setWallet(db, merchant.merchant.id, freshWalletXpub());
    const intent = await intentRow((await liveIntent(merchant, { currency: "USD" })).id);
    const [wallet] = await db.select().from(merchants).where(eq(merchants.id, merchant.merchant.id));
    await openDeposit(db, intent, wallet!);
    const { confirmIntent } = await import("@/lib/checkout/confirm-intent");
    const parked = await confirmIntent(db, { intentId: intent.id, clientSecret: intent.clientSecret, card: { number: "4000002500003155", expMonth: 12, expYear: 2040, cvc: "123" } });
    expect(parked.outcome).toBe("requires_action");
    const stripeId = parked.attempt.processorReference!;
    // The time runs out before anything closes the intent (the clock's sweep, or a chain watcher's next read).
    await db.update(paymentIntents).set({ expiresAt: sql`now() - interval '1 minute'` }).where(eq(paymentIntents.id, intent.id));
    const challenge = await challengePage.GET(new Request(`http://kassa.test/pay/${intent.id}/challenge?client_secret=${intent.clientSecret}`), { params: Promise.resolve({ id: intent.id }) });
    expect(challenge.status).toBe(303);
    expect(challenge.headers.get("location")).toBe(`/pay/${intent.id}?client_secret=${intent.clientSecret}`);

    // The buyer had the bank's page open already, and finishes it: Stripe charges the card.
    world.fake.ledger.answerChallenge(stripeId, true);
    const hook = await world.fake.sendEvent(world.webhookUrl, "payment_intent.succeeded", stripeId);
    expect(await hook.json()).toEqual({ received: true, outcome: "reversed" });
    expect(world.fake.ledger.refunds.filter((refund) => refund.payment_intent === stripeId)).toEqual([expect.objectContaining({ amount: 4200 })]);
    expect(await world.attemptsOf(intent.id)).toMatchObject([{ status: "declined", declineCode: "authentication_abandoned" }]);
    expect(await intentRow(intent.id)).toMatchObject({ amountCaptured: 0 });
    const again = await world.fake.sendEvent(world.webhookUrl, "payment_intent.succeeded", stripeId);
    expect(await again.json()).toEqual({ received: true, outcome: "reversed" });
    expect(world.fake.ledger.refunds.filter((refund) => refund.payment_intent === stripeId)).toHaveLength(1);
    expect(await intentRow(intent.id)).toMatchObject({ status: "requires_action" });
  });

  it("refuses, before any attempt, a live card payment whose merchant removed its acquirer, and reaches nobody", async () => {
    const merchant = await world.liveMerchant();
    const intent = await liveIntent(merchant);
    await removeAcquirer(await getDb(), merchant.merchant.id);
    const callsBefore = world.fake.calls.length;
    const back = await world.payOnPage(intent.id, "4242424242424242");
    // The buyer is sent back to the page with the reason, the intent still open and no attempt used.
    expect(back).toContain("error=intent_unexpected_state");
    expect(await world.attemptsOf(intent.id)).toEqual([]);
    expect(await readIntent(intent.id)).toMatchObject({ status: "requires_payment_method", attemptCount: 0 });
    expect(world.fake.calls.length).toBe(callsBefore);
    // And its live key is refused from now on, in its dialect's envelope.
    const refused = await callRoute(nativeIntents.POST, { path: "/api/v1/payment-intents", body: validIntent, headers: merchant.live.auth });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("live_mode_unavailable");
  });
});
