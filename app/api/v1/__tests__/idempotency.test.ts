import { and, count, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { idempotencyKeys, paymentIntents } from "@/db/schema";
import { callRoute } from "@/lib/testing/call-route";
import { createTestMerchant, validIntent } from "@/lib/testing/fixtures";
import * as collection from "../payment-intents/route";
import * as cancel from "../payment-intents/[id]/cancel/route";

function create(auth: Record<string, string>, key: string, body: unknown = validIntent) {
  return callRoute(collection.POST, { path: "/api/v1/payment-intents", body, headers: { ...auth, "idempotency-key": key } });
}

async function intentCount(merchantId: string) {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(paymentIntents).where(eq(paymentIntents.merchantId, merchantId));
  return row!.n;
}

describe("Idempotency-Key", () => {
  it("replays the first response for the same key and body", async () => {
    const { auth, merchant } = await createTestMerchant();
    const first = await create(auth, "order-1042");
    const second = await create(auth, "order-1042", { ...validIntent });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    expect(await intentCount(merchant.id)).toBe(1);
  });

  it("treats the same JSON with its keys in another order as the same request", async () => {
    const { auth, merchant } = await createTestMerchant();
    await create(auth, "reordered", { amount: 500, currency: "USD", success_url: validIntent.success_url, cancel_url: validIntent.cancel_url });
    const again = await create(auth, "reordered", { cancel_url: validIntent.cancel_url, success_url: validIntent.success_url, currency: "USD", amount: 500 });
    expect(again.status).toBe(201);
    expect(await intentCount(merchant.id)).toBe(1);
  });

  it("answers 422 idempotency_key_reused for the same key with a different body", async () => {
    const { auth, merchant } = await createTestMerchant();
    await create(auth, "order-7");
    const reused = await create(auth, "order-7", { ...validIntent, amount: 1 });
    expect(reused.status).toBe(422);
    expect(reused.body.error).toMatchObject({ type: "idempotency_error", code: "idempotency_key_reused" });
    expect(await intentCount(merchant.id)).toBe(1);
  });

  it("answers 422 when a key is reused on another endpoint", async () => {
    const { auth } = await createTestMerchant();
    const { body: intent } = await create(auth, "shared-key");
    const response = await callRoute(cancel.POST, {
      path: `/api/v1/payment-intents/${intent.id}/cancel`,
      params: { id: intent.id },
      headers: { ...auth, "idempotency-key": "shared-key" },
      body: {},
    });
    expect(response.status).toBe(422);
  });

  it("keeps keys per merchant", async () => {
    const a = await createTestMerchant();
    const b = await createTestMerchant();
    const fromA = await create(a.auth, "same-key");
    const fromB = await create(b.auth, "same-key");
    expect(fromB.status).toBe(201);
    expect(fromB.body.id).not.toBe(fromA.body.id);
  });

  it("does not store a rejected request, so the key can be retried with a corrected body", async () => {
    const { auth, merchant } = await createTestMerchant();
    const rejected = await create(auth, "fix-and-retry", { ...validIntent, amount: 99.99 });
    expect(rejected.status).toBe(400);
    const retried = await create(auth, "fix-and-retry", validIntent);
    expect(retried.status).toBe(201);
    expect(await intentCount(merchant.id)).toBe(1);
  });

  it("answers 400 for a key longer than 255 characters", async () => {
    const { auth, merchant } = await createTestMerchant();
    const response = await create(auth, "k".repeat(256));
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("idempotency_key_invalid");
    expect(await intentCount(merchant.id)).toBe(0);
  });

  it("creates exactly one intent from 50 concurrent identical requests, and all get its answer", async () => {
    const { auth, merchant } = await createTestMerchant();
    const responses = await Promise.all(Array.from({ length: 50 }, () => create(auth, "burst-50")));
    expect(responses.map((response) => response.status)).toEqual(Array(50).fill(201));
    expect(new Set(responses.map((response) => response.body.id)).size).toBe(1);
    expect(await intentCount(merchant.id)).toBe(1);
  });

  it("keeps a key for 24 hours and lets an expired one be used afresh", async () => {
    const { auth, merchant } = await createTestMerchant();
    const first = await create(auth, "day-old");
    const db = await getDb();
    const [row] = await db
      .select({ hours: sql<number>`round(extract(epoch from ${idempotencyKeys.expiresAt} - ${idempotencyKeys.createdAt}) / 3600)` })
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.scope, `merchant:${merchant.id}`), eq(idempotencyKeys.key, "day-old")));
    expect(Number(row!.hours)).toBe(24);

    await db
      .update(idempotencyKeys)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(and(eq(idempotencyKeys.scope, `merchant:${merchant.id}`), eq(idempotencyKeys.key, "day-old")));
    const later = await create(auth, "day-old");
    expect(later.status).toBe(201);
    expect(later.body.id).not.toBe(first.body.id);
  });
});
