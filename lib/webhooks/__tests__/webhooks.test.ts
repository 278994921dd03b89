import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { events, webhookDeliveries } from "@/db/schema";
import { callRoute } from "@/lib/testing/call-route";
import { createTestMerchant, payIntent, validIntent, type TestMerchant } from "@/lib/testing/fixtures";
import { startWebhookReceiver } from "@/lib/testing/webhook-receiver";
import * as endpoints from "@/app/api/v1/webhook-endpoints/route";
import * as endpoint from "@/app/api/v1/webhook-endpoints/[id]/route";
import * as rotate from "@/app/api/v1/webhook-endpoints/[id]/rotate-secret/route";
import * as testEvent from "@/app/api/v1/webhook-endpoints/[id]/test/route";
import * as deliveries from "@/app/api/v1/webhook-endpoints/[id]/deliveries/route";
import * as redeliver from "@/app/api/v1/events/[id]/redeliver/route";
import * as intents from "@/app/api/v1/payment-intents/route";
import * as cancel from "@/app/api/v1/payment-intents/[id]/cancel/route";
import { deliverDueWebhooks } from "../deliver-webhooks";

let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

beforeAll(async () => {
  process.env.KASSA_ALLOW_PRIVATE_WEBHOOKS = "1";
  process.env.KASSA_WEBHOOK_RETRY_BASE_MS = "1";
  receiver = await startWebhookReceiver();
});
afterAll(() => receiver.close());
afterEach(() => {
  receiver.received.length = 0;
  receiver.answerWith(() => 200);
  delete process.env.KASSA_WEBHOOK_MAX_ATTEMPTS;
  delete process.env.KASSA_WEBHOOK_TIMEOUT_MS;
});

async function withEndpoint(merchant: TestMerchant, body: Record<string, unknown> = {}) {
  const response = await callRoute(endpoints.POST, { path: "/api/v1/webhook-endpoints", headers: merchant.auth, body: { url: receiver.url, ...body } });
  expect(response.status).toBe(201);
  receiver.trust(response.body.secret);
  return response.body as { id: string; secret: string };
}

/** Runs the worker until nothing is due, the way the background loop would. */
async function drain(rounds = 30) {
  const db = await getDb();
  for (let i = 0; i < rounds; i++) {
    if ((await deliverDueWebhooks(db)) === 0) await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function createIntent(merchant: TestMerchant) {
  return (await callRoute(intents.POST, { path: "/api/v1/payment-intents", body: validIntent, headers: merchant.auth })).body;
}

describe("webhook endpoints", () => {
  it("show the whsec_ secret once, and never in lists", async () => {
    const merchant = await createTestMerchant();
    const created = await withEndpoint(merchant, { events: ["payment.succeeded"], description: "orders" });
    expect(created).toMatchObject({ object: "webhook_endpoint", url: receiver.url, events: ["payment.succeeded"], enabled: true });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    const list = await callRoute(endpoints.GET, { path: "/api/v1/webhook-endpoints", headers: merchant.auth });
    expect(JSON.stringify(list.body)).not.toContain(created.secret);
    const patched = await callRoute(endpoint.PATCH, {
      path: `/api/v1/webhook-endpoints/${created.id}`,
      method: "PATCH",
      params: { id: created.id },
      headers: merchant.auth,
      body: { enabled: false, events: [] },
    });
    expect(patched.body).toMatchObject({ enabled: false, events: ["*"] });
  });

  it("refuse unknown event types, non-http URLs and, unless allowed, private addresses", async () => {
    const merchant = await createTestMerchant();
    const post = (body: unknown) => callRoute(endpoints.POST, { path: "/api/v1/webhook-endpoints", headers: merchant.auth, body });
    expect((await post({ url: receiver.url, events: ["payment.exploded"] })).body.error.param).toBe("events[0]");
    expect((await post({ url: "ftp://example.com/hook" })).status).toBe(400);
    delete process.env.KASSA_ALLOW_PRIVATE_WEBHOOKS;
    try {
      for (const url of ["http://127.0.0.1:9/hook", "http://10.1.2.3/hook", "http://[::1]/hook", "http://169.254.169.254/latest", "http://localhost/hook"]) {
        const refused = await post({ url });
        expect(refused.status, url).toBe(400);
        expect(refused.body.error.message).toMatch(/private/);
      }
    } finally {
      process.env.KASSA_ALLOW_PRIVATE_WEBHOOKS = "1";
    }
  });

  it("answer 404 for another merchant's endpoint", async () => {
    const a = await createTestMerchant();
    const b = await createTestMerchant();
    const created = await withEndpoint(a);
    const foreign = await callRoute(endpoint.GET, { path: `/api/v1/webhook-endpoints/${created.id}`, params: { id: created.id }, headers: b.auth });
    expect(foreign.status).toBe(404);
  });
});

describe("delivery", () => {
  it("signs each event per Standard Webhooks, with the event id as webhook-id", async () => {
    const merchant = await createTestMerchant();
    await withEndpoint(merchant);
    const intent = await createIntent(merchant);
    await payIntent(intent.id);
    await drain();
    expect(receiver.received).toHaveLength(1);
    const [hook] = receiver.received;
    expect(hook!.verifiedWith).toHaveLength(1);
    expect(hook!.id).toMatch(/^evt_/);
    expect(hook!.payload).toMatchObject({ id: hook!.id, type: "payment.succeeded", data: { object: { id: intent.id, status: "succeeded" } } });
    expect(Math.abs(Number(hook!.headers["webhook-timestamp"]) - Date.now() / 1000)).toBeLessThan(60);
  });

  it("only sends the types an endpoint asked for", async () => {
    const merchant = await createTestMerchant();
    await withEndpoint(merchant, { events: ["payment.failed"] });
    const intent = await createIntent(merchant);
    await payIntent(intent.id, "4000000000009995");
    await payIntent(intent.id);
    await drain();
    expect(receiver.received.map((hook) => hook.payload.type)).toEqual(["payment.failed"]);
  });

  it("retries with backoff until the receiver answers 2xx, logging every attempt", async () => {
    const merchant = await createTestMerchant();
    const created = await withEndpoint(merchant);
    receiver.answerWith((count) => (count <= 2 ? 503 : 200));
    const intent = await createIntent(merchant);
    await callRoute(cancel.POST, { path: `/api/v1/payment-intents/${intent.id}/cancel`, params: { id: intent.id }, headers: merchant.auth, body: {} });
    await drain();
    expect(receiver.received.map((hook) => hook.id)).toEqual(Array(3).fill(receiver.received[0]!.id));
    const log = await callRoute(deliveries.GET, { path: `/api/v1/webhook-endpoints/${created.id}/deliveries`, params: { id: created.id }, headers: merchant.auth });
    expect(log.body.data[0]).toMatchObject({ status: "succeeded", attempt_count: 3, event: { type: "payment.canceled" } });
    expect(log.body.data[0].attempts.map((a: { status_code: number }) => a.status_code)).toEqual([503, 503, 200]);
    for (const attempt of log.body.data[0].attempts) {
      expect(attempt.duration_ms).toBeGreaterThanOrEqual(0);
      expect(attempt.response_excerpt).toMatch(/^answer \d+$/);
    }
  });

  it("gives up after the last attempt and says why", async () => {
    process.env.KASSA_WEBHOOK_MAX_ATTEMPTS = "3";
    const merchant = await createTestMerchant();
    const created = await withEndpoint(merchant);
    receiver.answerWith(() => 500);
    const intent = await createIntent(merchant);
    await callRoute(cancel.POST, { path: `/api/v1/payment-intents/${intent.id}/cancel`, params: { id: intent.id }, headers: merchant.auth, body: {} });
    await drain();
    expect(receiver.received).toHaveLength(3);
    const log = await callRoute(deliveries.GET, { path: `/api/v1/webhook-endpoints/${created.id}/deliveries`, params: { id: created.id }, headers: merchant.auth });
    expect(log.body.data[0]).toMatchObject({ status: "failed", attempt_count: 3, last_status_code: 500, last_error: "The endpoint answered 500." });
  });

  it("records a timeout as a failed attempt", async () => {
    process.env.KASSA_WEBHOOK_TIMEOUT_MS = "200";
    process.env.KASSA_WEBHOOK_MAX_ATTEMPTS = "1";
    const merchant = await createTestMerchant();
    const created = await withEndpoint(merchant);
    receiver.answerWith(() => "hang");
    const intent = await createIntent(merchant);
    await callRoute(cancel.POST, { path: `/api/v1/payment-intents/${intent.id}/cancel`, params: { id: intent.id }, headers: merchant.auth, body: {} });
    await drain(3);
    const log = await callRoute(deliveries.GET, { path: `/api/v1/webhook-endpoints/${created.id}/deliveries`, params: { id: created.id }, headers: merchant.auth });
    expect(log.body.data[0].attempts[0]).toMatchObject({ status_code: null, error: "Timed out after 200 ms" });
    expect(log.body.data[0].attempts[0].duration_ms).toBeGreaterThanOrEqual(190);
  });

  it("disables an endpoint that answers 410 Gone", async () => {
    const merchant = await createTestMerchant();
    const created = await withEndpoint(merchant);
    receiver.answerWith(() => 410);
    const first = await createIntent(merchant);
    await callRoute(cancel.POST, { path: `/api/v1/payment-intents/${first.id}/cancel`, params: { id: first.id }, headers: merchant.auth, body: {} });
    await drain();
    const read = await callRoute(endpoint.GET, { path: `/api/v1/webhook-endpoints/${created.id}`, params: { id: created.id }, headers: merchant.auth });
    expect(read.body).toMatchObject({ enabled: false, disabled_reason: expect.stringContaining("410") });
    const second = await createIntent(merchant);
    await callRoute(cancel.POST, { path: `/api/v1/payment-intents/${second.id}/cancel`, params: { id: second.id }, headers: merchant.auth, body: {} });
    await drain();
    expect(receiver.received).toHaveLength(1);
  });

  it("signs with both secrets during a rotation's grace period", async () => {
    const merchant = await createTestMerchant();
    const created = await withEndpoint(merchant);
    const rotated = await callRoute(rotate.POST, {
      path: `/api/v1/webhook-endpoints/${created.id}/rotate-secret`,
      params: { id: created.id },
      headers: merchant.auth,
      body: { grace_period_seconds: 3600 },
    });
    expect(rotated.body.secret).not.toBe(created.secret);
    receiver.trust(created.secret, rotated.body.secret);
    await callRoute(testEvent.POST, { path: `/api/v1/webhook-endpoints/${created.id}/test`, params: { id: created.id }, headers: merchant.auth, body: {} });
    await drain();
    expect(receiver.received[0]!.verifiedWith.sort()).toEqual([created.secret, rotated.body.secret].sort());
    expect(receiver.received[0]!.headers["webhook-signature"]!.split(" ")).toHaveLength(2);

    await callRoute(rotate.POST, {
      path: `/api/v1/webhook-endpoints/${created.id}/rotate-secret`,
      params: { id: created.id },
      headers: merchant.auth,
      body: { grace_period_seconds: 0 },
    });
    await callRoute(testEvent.POST, { path: `/api/v1/webhook-endpoints/${created.id}/test`, params: { id: created.id }, headers: merchant.auth, body: {} });
    await drain();
    expect(receiver.received[1]!.verifiedWith).toEqual([]);
  });

  it("redelivers an event on request, with the same webhook-id", async () => {
    const merchant = await createTestMerchant();
    await withEndpoint(merchant);
    const intent = await createIntent(merchant);
    await payIntent(intent.id);
    await drain();
    const eventId = receiver.received[0]!.id;
    const response = await callRoute(redeliver.POST, { path: `/api/v1/events/${eventId}/redeliver`, params: { id: eventId }, headers: merchant.auth, body: {} });
    expect(response.body).toMatchObject({ id: eventId, deliveries_queued: 1 });
    await drain();
    expect(receiver.received.map((hook) => hook.id)).toEqual([eventId, eventId]);
    expect(receiver.received[1]!.body).toBe(receiver.received[0]!.body);
  });

  it("sends nothing twice when several workers race for the same deliveries", async () => {
    const merchant = await createTestMerchant();
    await withEndpoint(merchant);
    for (let i = 0; i < 12; i++) {
      const intent = await createIntent(merchant);
      await callRoute(cancel.POST, { path: `/api/v1/payment-intents/${intent.id}/cancel`, params: { id: intent.id }, headers: merchant.auth, body: {} });
    }
    const db = await getDb();
    await Promise.all([deliverDueWebhooks(db, 5), deliverDueWebhooks(db, 5), deliverDueWebhooks(db, 5), deliverDueWebhooks(db, 5)]);
    await drain();
    const ids = receiver.received.map((hook) => hook.id);
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
  });

  it("writes no event and no delivery for a change that was refused", async () => {
    const merchant = await createTestMerchant();
    await withEndpoint(merchant);
    const intent = await createIntent(merchant);
    await payIntent(intent.id);
    const db = await getDb();
    const before = await db.select().from(events).where(eq(events.intentId, intent.id));
    const refused = await callRoute(cancel.POST, { path: `/api/v1/payment-intents/${intent.id}/cancel`, params: { id: intent.id }, headers: merchant.auth, body: {} });
    expect(refused.status).toBe(422);
    expect(await db.select().from(events).where(eq(events.intentId, intent.id))).toHaveLength(before.length);
    const queued = await db.select().from(webhookDeliveries).where(and(eq(webhookDeliveries.merchantId, merchant.merchant.id)));
    expect(queued).toHaveLength(1);
  });
});

describe("a receiver that is down", () => {
  it("gets every event once it comes back", async () => {
    const merchant = await createTestMerchant();
    const down = await startWebhookReceiver();
    const url = down.url;
    const { body } = await callRoute(endpoints.POST, { path: "/api/v1/webhook-endpoints", headers: merchant.auth, body: { url } });
    await down.close();
    for (let i = 0; i < 3; i++) {
      const intent = await createIntent(merchant);
      await callRoute(cancel.POST, { path: `/api/v1/payment-intents/${intent.id}/cancel`, params: { id: intent.id }, headers: merchant.auth, body: {} });
    }
    await drain(5);
    const db = await getDb();
    const waiting = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.merchantId, merchant.merchant.id));
    expect(waiting.every((delivery) => delivery.status === "pending" && delivery.attemptCount >= 1)).toBe(true);
    expect(waiting[0]!.lastError).toMatch(/ECONNREFUSED/);

    const back = await startWebhookReceiver(Number(new URL(url).port));
    back.trust(body.secret);
    try {
      await drain();
      expect(back.received.map((hook) => hook.payload.type)).toEqual(Array(3).fill("payment.canceled"));
      expect(back.received.every((hook) => hook.verifiedWith.length === 1)).toBe(true);
    } finally {
      await back.close();
    }
  });
});
