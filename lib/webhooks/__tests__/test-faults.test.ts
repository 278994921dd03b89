import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { webhookDeliveries } from "@/db/schema";
import type { TestFaults } from "@/db/schema";
import { callRoute } from "@/lib/testing/call-route";
import { payIntent, validIntent, type TestMerchant } from "@/lib/testing/fixtures";
import { deliverAllDue, useWebhookReceiver } from "@/lib/testing/webhook-world";
import * as endpoint from "@/app/api/v1/webhook-endpoints/[id]/route";
import * as deliveries from "@/app/api/v1/webhook-endpoints/[id]/deliveries/route";
import * as nativeIntents from "@/app/api/v1/payment-intents/route";
import * as refunds from "@/app/api/v1/payment-intents/[id]/refunds/route";

// Retries a millisecond apart, so a fail_first fault's retries come at once.
beforeAll(() => void (process.env.KASSA_WEBHOOK_RETRY_BASE_MS = "1"));
const world = useWebhookReceiver();
const drain = deliverAllDue;

/** A merchant whose one endpoint has these faults, with the receiver trusting its secret. */
async function faultedEndpoint(faults: TestFaults): Promise<{ merchant: TestMerchant; endpointId: string }> {
  const merchant = await world.merchantWithEndpoint();
  const patched = await callRoute(endpoint.PATCH, { path: `/api/v1/webhook-endpoints/${merchant.endpointId}`, params: { id: merchant.endpointId }, headers: merchant.auth, body: { test_faults: faults } });
  expect(patched.status, JSON.stringify(patched.body)).toBe(200);
  expect(patched.body.test_faults).toEqual(faults);
  return { merchant, endpointId: merchant.endpointId };
}

async function paidIntent(merchant: TestMerchant) {
  const { body } = await callRoute(nativeIntents.POST, { path: "/api/v1/payment-intents", headers: merchant.auth, body: validIntent });
  await payIntent(body.id);
  return body.id as string;
}

async function log(merchant: TestMerchant, endpointId: string) {
  const { body } = await callRoute(deliveries.GET, { path: `/api/v1/webhook-endpoints/${endpointId}/deliveries`, params: { id: endpointId }, headers: merchant.auth });
  return body.data as Array<{ faults: string[]; status: string; attempts: Array<{ fault: string | null; status_code: number | null }> }>;
}

/** Delivers until the receiver holds `count` webhooks (a delayed delivery comes due on its own). */
async function receiveAtLeast(count: number) {
  await vi.waitFor(
    async () => {
      await drain();
      expect(world.receiver.received.length).toBeGreaterThanOrEqual(count);
    },
    { timeout: 20_000, interval: 100 },
  );
}

describe("webhook faults on demand", () => {
  it("duplicate: the same webhook, with the same id and signature, arrives twice; the copy is marked", async () => {
    const { merchant, endpointId } = await faultedEndpoint({ duplicate: true });
    await paidIntent(merchant);
    await receiveAtLeast(2);
    expect(world.receiver.received).toHaveLength(2);
    expect(world.receiver.received[0]!.id).toBe(world.receiver.received[1]!.id);
    expect(world.receiver.received[0]!.body).toBe(world.receiver.received[1]!.body);
    expect(world.receiver.received.every((hook) => hook.verifiedWith.length === 1)).toBe(true);
    expect((await log(merchant, endpointId)).map((delivery) => delivery.faults).sort()).toEqual([[], ["duplicate"]]);
  });

  it("delay_seconds: the delivery waits that long before its first attempt", async () => {
    const { merchant, endpointId } = await faultedEndpoint({ delay_seconds: 1 });
    const before = Date.now();
    await paidIntent(merchant);
    await drain();
    expect(world.receiver.received).toHaveLength(0);
    const db = await getDb();
    const [delivery] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId));
    expect(delivery!.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + 900);
    await receiveAtLeast(1);
    expect((await log(merchant, endpointId))[0]!.faults).toEqual(["delayed"]);
  });

  it("out_of_order: the first of a burst is held back, so the change after it arrives first", async () => {
    const { merchant, endpointId } = await faultedEndpoint({ out_of_order: true });
    const intentId = await paidIntent(merchant);
    const refunded = await callRoute(refunds.POST, { path: `/api/v1/payment-intents/${intentId}/refunds`, params: { id: intentId }, headers: merchant.auth, body: { amount: 100 } });
    expect(refunded.status).toBe(201);
    await receiveAtLeast(2);
    expect(world.receiver.received.map((hook) => hook.payload.type)).toEqual(["payment.refunded", "payment.succeeded"]);
    // The receiver can put them right with the object's sequence.
    expect(world.receiver.received.map((hook) => hook.headers["webhook-sequence"])).toEqual(["2", "1"]);
    const marked = (await log(merchant, endpointId)).map((delivery) => delivery.faults);
    expect(marked.sort()).toEqual([[], ["out_of_order"]]);
  });

  it("fail_first: the first attempts fail on purpose, nothing sent, and the retry after them is delivered", async () => {
    const { merchant, endpointId } = await faultedEndpoint({ fail_first: 2 });
    await paidIntent(merchant);
    await receiveAtLeast(1);
    expect(world.receiver.received).toHaveLength(1);
    const [delivery] = await log(merchant, endpointId);
    expect(delivery!.faults).toEqual(["failing"]);
    expect(delivery!.status).toBe("succeeded");
    expect(delivery!.attempts.map((attempt) => [attempt.fault, attempt.status_code])).toEqual([
      ["fail_first", null],
      ["fail_first", null],
      [null, 200],
    ]);
  });

  it("stale_timestamp and wrong_signature: a verifying receiver rejects each", async () => {
    const stale = await faultedEndpoint({ stale_timestamp: true });
    await paidIntent(stale.merchant);
    await receiveAtLeast(1);
    const [old] = world.receiver.received.splice(0);
    expect(Number(old!.headers["webhook-timestamp"])).toBeLessThan(Date.now() / 1000 - 9 * 60);
    expect(old!.verifiedWith).toEqual([]);
    expect((await log(stale.merchant, stale.endpointId))[0]!.faults).toEqual(["stale_timestamp"]);

    const wrong = await faultedEndpoint({ wrong_signature: true });
    await paidIntent(wrong.merchant);
    await receiveAtLeast(1);
    const [forged] = world.receiver.received.splice(0);
    expect(Math.abs(Number(forged!.headers["webhook-timestamp"]) - Date.now() / 1000)).toBeLessThan(60);
    expect(forged!.verifiedWith).toEqual([]);
    expect((await log(wrong.merchant, wrong.endpointId))[0]!.faults).toEqual(["wrong_signature"]);
  });

  it("turns off with an empty set, and refuses a fault it does not know", async () => {
    const { merchant, endpointId } = await faultedEndpoint({ duplicate: true, fail_first: 1 });
    const off = await callRoute(endpoint.PATCH, { path: `/api/v1/webhook-endpoints/${endpointId}`, params: { id: endpointId }, headers: merchant.auth, body: { test_faults: { duplicate: false } } });
    expect(off.body.test_faults).toEqual({});
    const unknown = await callRoute(endpoint.PATCH, { path: `/api/v1/webhook-endpoints/${endpointId}`, params: { id: endpointId }, headers: merchant.auth, body: { test_faults: { explode: true } } });
    expect(unknown.status).toBe(400);
    const tooMany = await callRoute(endpoint.PATCH, { path: `/api/v1/webhook-endpoints/${endpointId}`, params: { id: endpointId }, headers: merchant.auth, body: { test_faults: { fail_first: 99 } } });
    expect(tooMany.status).toBe(400);
    await paidIntent(merchant);
    await receiveAtLeast(1);
    expect(world.receiver.received).toHaveLength(1);
    expect((await log(merchant, endpointId))[0]!.faults).toEqual([]);
  });
});
