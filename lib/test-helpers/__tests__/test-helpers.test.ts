import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { events } from "@/db/schema";
import { createApiKey } from "@/lib/accounts/create-api-key";
import { setAcquirer } from "@/lib/accounts/set-acquirer";
import { callRoute } from "@/lib/testing/call-route";
import { createTestMerchant, payIntent, validIntent, type TestMerchant } from "@/lib/testing/fixtures";
import { useWebhookReceiver } from "@/lib/testing/webhook-world";
import * as endpoints from "@/app/api/v1/webhook-endpoints/route";
import * as endpoint from "@/app/api/v1/webhook-endpoints/[id]/route";
import * as nativeIntents from "@/app/api/v1/payment-intents/route";
import * as refunds from "@/app/api/v1/payment-intents/[id]/refunds/route";
import * as clocks from "@/app/api/v1/test-clocks/route";
import * as clock from "@/app/api/v1/test-clocks/[id]/route";
import * as advance from "@/app/api/v1/test-clocks/[id]/advance/route";
import * as simulate from "@/app/api/v1/test-helpers/payment-intents/[id]/[action]/route";
import * as failNext from "@/app/api/v1/test-helpers/subscriptions/[id]/fail_next_renewal/route";

const world = useWebhookReceiver();

async function newIntent(merchant: TestMerchant, extra: Record<string, unknown> = {}) {
  const { status, body } = await callRoute(nativeIntents.POST, { path: "/api/v1/payment-intents", headers: merchant.auth, body: { ...validIntent, ...extra } });
  expect(status, JSON.stringify(body)).toBe(201);
  return body as { id: string };
}

function helper(merchant: TestMerchant, id: string, action: string, body: Record<string, unknown> = {}) {
  return callRoute(simulate.POST, { path: `/api/v1/test-helpers/payment-intents/${id}/${action}`, params: { id, action }, headers: merchant.auth, body });
}

/** What a state is made of, for comparing a helper's intent with one the checkout's card path left. */
async function stateOf(merchant: TestMerchant, id: string) {
  const { body } = await callRoute((await import("@/app/api/v1/payment-intents/[id]/route")).GET, { path: `/api/v1/payment-intents/${id}`, params: { id }, headers: merchant.auth });
  const db = await getDb();
  const types = (await db.select({ type: events.type }).from(events).where(eq(events.intentId, id)).orderBy(events.sequence)).map((row) => row.type);
  return {
    status: body.status,
    last_error: body.last_error && { code: body.last_error.code, decline_code: body.last_error.decline_code },
    attempts: body.attempts.map((attempt: { status: string }) => attempt.status),
    next_action: body.next_action?.type ?? null,
    events: types,
  };
}

describe("test helpers", () => {
  it.each([
    ["succeed", {}, "4242424242424242"],
    ["decline", { decline_code: "51" }, "4000000000009995"],
    ["require_action", {}, "4000002760003184"],
  ])("%s reaches the state the checkout's card path reaches", async (action, body, card) => {
    const merchant = await createTestMerchant();
    const byHelper = await newIntent(merchant);
    const byCard = await newIntent(merchant);
    const answer = await helper(merchant, byHelper.id, action, body);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    await payIntent(byCard.id, card);
    expect(await stateOf(merchant, byHelper.id)).toEqual(await stateOf(merchant, byCard.id));
  });

  it.each([
    ["authenticate", true],
    ["fail_authentication", false],
  ] as const)("require_action then %s reaches the state the buyer's answer on the bank's page reaches", async (answer, authenticated) => {
    const merchant = await createTestMerchant();
    const byHelper = await newIntent(merchant);
    const byPage = await newIntent(merchant);
    await helper(merchant, byHelper.id, "require_action");
    const answered = await helper(merchant, byHelper.id, answer);
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    expect(answered.body.status).toBe(authenticated ? "succeeded" : "requires_payment_method");
    await payIntent(byPage.id, "4000002760003184");
    const db = await getDb();
    const { completeChallenge } = await import("@/lib/checkout/challenge-attempt");
    const { paymentIntents } = await import("@/db/schema");
    const [waiting] = await db.select().from(paymentIntents).where(eq(paymentIntents.id, byPage.id));
    await completeChallenge(db, { intentId: byPage.id, clientSecret: waiting!.clientSecret, authenticated });
    expect(await stateOf(merchant, byHelper.id)).toEqual(await stateOf(merchant, byPage.id));
    // Nothing waits any more: answering again is refused, in the native envelope.
    expect((await helper(merchant, byHelper.id, answer)).status).toBe(422);
  });

  it("answers 3-D Secure on a clocked intent at the clock's time, and refuses an answer nothing waits for", async () => {
    const merchant = await createTestMerchant();
    const { body: testClock } = await callRoute(clocks.POST, { path: "/api/v1/test-clocks", headers: merchant.auth, body: { frozen_time: "2029-02-03T04:05:06Z" } });
    const onClock = await newIntent(merchant, { test_clock: testClock.id });
    expect((await helper(merchant, onClock.id, "require_action")).body.status).toBe("requires_action");
    expect((await helper(merchant, onClock.id, "authenticate")).body.status).toBe("succeeded");
    const db = await getDb();
    const [succeeded] = await db.select().from(events).where(and(eq(events.intentId, onClock.id), eq(events.type, "payment.succeeded")));
    expect(succeeded!.createdAt.toISOString()).toBe("2029-02-03T04:05:06.000Z");
    const never = await newIntent(merchant);
    const refused = await helper(merchant, never.id, "authenticate");
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe("intent_unexpected_state");
  });

  it("declines with any code it is given, and expires an intent now", async () => {
    const merchant = await createTestMerchant();
    const declined = await newIntent(merchant);
    const answer = await helper(merchant, declined.id, "decline", { decline_code: "do_not_honor" });
    expect(answer.body.status).toBe("requires_payment_method");
    expect(answer.body.last_error.decline_code).toBe("do_not_honor");
    const expiring = await newIntent(merchant);
    expect((await helper(merchant, expiring.id, "expire")).body.status).toBe("expired");
    const again = await helper(merchant, expiring.id, "succeed");
    expect(again.status).toBe(422);
    expect((await helper(merchant, declined.id, "decline", { decline_code: "no spaces allowed" })).status).toBe(400);
    expect((await helper(merchant, declined.id, "explode")).status).toBe(400);
    expect((await helper(merchant, "pi_unknown", "succeed")).status).toBe(404);
  });
});

describe("events a receiver can order", () => {
  it("numbers an object's events 1, 2, 3 … without gaps under 20 concurrent changes", async () => {
    const merchant = await createTestMerchant();
    const intent = await newIntent(merchant, { amount: 2000 });
    await payIntent(intent.id);
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        callRoute(refunds.POST, { path: `/api/v1/payment-intents/${intent.id}/refunds`, params: { id: intent.id }, headers: merchant.auth, body: { amount: 100 } }),
      ),
    );
    expect(results.map((result) => result.status)).toEqual(Array(20).fill(201));
    const db = await getDb();
    const numbered = await db.select({ type: events.type, sequence: events.objectSequence, payload: events.payload }).from(events).where(and(eq(events.objectId, intent.id)));
    const sent = numbered.filter((row) => row.payload !== null).sort((a, b) => a.sequence! - b.sequence!);
    expect(sent.map((row) => row.sequence)).toEqual(Array.from({ length: 21 }, (_, index) => index + 1));
    expect(sent.map((row) => row.payload!.sequence)).toEqual(sent.map((row) => row.sequence));
    expect(sent[0]!.type).toBe("payment.succeeded");
  });
});

describe("live keys on test routes", () => {
  it("are refused on every one, in the native envelope, and write nothing", async () => {
    const merchant = await createTestMerchant();
    const db = await getDb();
    await setAcquirer(db, merchant.merchant.id, { type: "stripe", secret_key: "sk_live_never_called_0123456789", webhook_secret: "whsec_never_called_0123456789" });
    const { secretKey } = await createApiKey(db, merchant.merchant.id, { label: "live", mode: "live" });
    const live = { authorization: `Bearer ${secretKey}` };
    const { body: testClock } = await callRoute(clocks.POST, { path: "/api/v1/test-clocks", headers: merchant.auth, body: { frozen_time: "2027-01-01T00:00:00Z" } });
    const { body: liveEndpoint } = await callRoute(endpoints.POST, { path: "/api/v1/webhook-endpoints", headers: live, body: { url: world.receiver.url } });
    const { body: liveIntent } = await callRoute(nativeIntents.POST, { path: "/api/v1/payment-intents", headers: live, body: validIntent });
    const id = testClock.id as string;
    const calls = [
      callRoute(clocks.POST, { path: "/api/v1/test-clocks", headers: live, body: { frozen_time: "2027-01-01T00:00:00Z" } }),
      callRoute(clocks.GET, { path: "/api/v1/test-clocks", headers: live }),
      callRoute(clock.GET, { path: `/api/v1/test-clocks/${id}`, params: { id }, headers: live }),
      callRoute(clock.DELETE, { path: `/api/v1/test-clocks/${id}`, params: { id }, headers: live }),
      callRoute(advance.POST, { path: `/api/v1/test-clocks/${id}/advance`, params: { id }, headers: live, body: { frozen_time: "2027-02-01T00:00:00Z" } }),
      callRoute(simulate.POST, { path: `/api/v1/test-helpers/payment-intents/${liveIntent.id}/succeed`, params: { id: liveIntent.id, action: "succeed" }, headers: live, body: {} }),
      callRoute(failNext.POST, { path: "/api/v1/test-helpers/subscriptions/sub_x/fail_next_renewal", params: { id: "sub_x" }, headers: live, body: {} }),
      callRoute(nativeIntents.POST, { path: "/api/v1/payment-intents", headers: live, body: { ...validIntent, test_clock: id } }),
      callRoute(endpoint.PATCH, { path: `/api/v1/webhook-endpoints/${liveEndpoint.id}`, params: { id: liveEndpoint.id }, headers: live, body: { test_faults: { duplicate: true } } }),
    ];
    for (const answer of await Promise.all(calls)) {
      expect(answer.status, JSON.stringify(answer.body)).toBe(403);
      expect(answer.body.error.code).toBe("test_mode_only");
    }
    const { body: stillTest } = await callRoute(clock.GET, { path: `/api/v1/test-clocks/${id}`, params: { id }, headers: merchant.auth });
    expect(stillTest.frozen_time).toBe("2027-01-01T00:00:00.000Z");
    const { body: endpointAfter } = await callRoute(endpoint.GET, { path: `/api/v1/webhook-endpoints/${liveEndpoint.id}`, params: { id: liveEndpoint.id }, headers: live });
    expect(endpointAfter.test_faults).toEqual({});
  });
});
