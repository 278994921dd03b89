import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { consumeRateLimit } from "@/lib/rate-limits/consume-rate-limit";
import { callRoute, type CallResult } from "@/lib/testing/call-route";
import { createTestMerchant, validIntent, type TestMerchant } from "@/lib/testing/fixtures";
import * as merchantRoute from "../v1/merchants/[id]/route";
import * as nativeIntents from "../v1/payment-intents/route";
import * as nativeIntent from "../v1/payment-intents/[id]/route";
import * as mintroIntents from "../platform/intents/route";
import * as mintroIntent from "../platform/intents/[id]/route";
import * as shopPayments from "../v1/payments/route";
import * as shopPayment from "../v1/payments/[id]/route";
import * as mutopayPayments from "../payments/route";
import * as mutopayPayment from "../payments/[id]/route";
import * as mintPayments from "../../v1/payments/route";
import * as mintPayment from "../../v1/payments/[id]/route";

type Dialect = {
  name: string;
  headers: (m: TestMerchant) => Record<string, string>;
  create: (m: TestMerchant) => Promise<CallResult>;
  read: (m: TestMerchant, id: string) => Promise<CallResult>;
  idOf: (body: any) => string;
};

const dialects: Dialect[] = [
  {
    name: "native",
    headers: (m) => m.auth,
    create: (m) => callRoute(nativeIntents.POST, { path: "/api/v1/payment-intents", body: validIntent, headers: m.auth }),
    read: (m, id) => callRoute(nativeIntent.GET, { path: `/api/v1/payment-intents/${id}`, params: { id }, headers: m.auth }),
    idOf: (body) => body.id,
  },
  {
    name: "mintro",
    headers: (m) => m.mintroAuth,
    create: (m) =>
      callRoute(mintroIntents.POST, {
        path: "/api/platform/intents",
        headers: m.mintroAuth,
        body: {
          amount: 12,
          currency: "USD",
          intent_type: "one_time",
          email: "a@example.com",
          name: "A",
          reference_id: `R-${Date.now()}`,
          integration_type: "iframe",
          order_items: [{ name: "Thing", quantity: 1, price: 12 }],
        },
      }),
    read: (m, id) => callRoute(mintroIntent.GET, { path: `/api/platform/intents/${id}`, params: { id }, headers: m.mintroAuth }),
    idOf: (body) => body.data.intent_id,
  },
  {
    name: "mint",
    headers: (m) => ({ "x-api-key": m.secretKey }),
    create: (m) => callRoute(mintPayments.POST, { path: "/v1/payments", headers: { "x-api-key": m.secretKey }, body: { currency: "USD", amount: 49 } }),
    read: (m, id) => callRoute(mintPayment.GET, { path: `/v1/payments/${id}`, params: { id }, headers: { "x-api-key": m.secretKey } }),
    idOf: (body) => body.data.id,
  },
  {
    name: "shop",
    headers: (m) => m.auth,
    create: (m) =>
      callRoute(shopPayments.POST, { path: "/api/v1/payments", headers: m.auth, body: { amount: 500, currency: "usd", return_url: "https://shop.example/r" } }),
    read: (m, id) => callRoute(shopPayment.GET, { path: `/api/v1/payments/${id}`, params: { id }, headers: m.auth }),
    idOf: (body) => body.id,
  },
  {
    name: "mutopay",
    headers: (m) => ({ "x-api-key": m.secretKey }),
    create: (m) => callRoute(mutopayPayments.POST, { path: "/api/payments", headers: { "x-api-key": m.secretKey }, body: { amount_usd: 25 } }),
    read: (m, id) => callRoute(mutopayPayment.GET, { path: `/api/payments/${id}`, params: { id }, headers: { "x-api-key": m.secretKey } }),
    idOf: (body) => body.id,
  },
];

afterEach(() => {
  delete process.env.KASSA_RATE_LIMIT;
  delete process.env.KASSA_RATE_LIMIT_WINDOW;
  vi.useRealTimers();
});

describe("every dialect", () => {
  it.each(dialects.map((d) => [d.name, d] as const))("%s reads an intent created by every other dialect", async (_name, reader) => {
    const merchant = await createTestMerchant();
    for (const creator of dialects) {
      const created = await creator.create(merchant);
      expect(created.status, `${creator.name} create`).toBeLessThan(300);
      const read = await reader.read(merchant, creator.idOf(created.body));
      expect(read.status, `${reader.name} reading ${creator.name}`).toBe(200);
    }
  });

  it.each(dialects.map((d) => [d.name, d] as const))("%s never shows one merchant's intent to another", async (_name, dialect) => {
    const owner = await createTestMerchant();
    const stranger = await createTestMerchant();
    const created = await dialect.create(owner);
    const read = await dialect.read(stranger, dialect.idOf(created.body));
    expect(read.status).toBe(404);
  });

  it("refuse a suspended merchant, each in its own way", async () => {
    const merchant = await createTestMerchant();
    await callRoute(merchantRoute.PATCH, {
      path: `/api/v1/merchants/${merchant.merchant.id}`,
      method: "PATCH",
      params: { id: merchant.merchant.id },
      headers: { authorization: `Bearer ${merchant.accessToken}` },
      body: { status: "suspended" },
    });
    const answers = Object.fromEntries(await Promise.all(dialects.map(async (d) => [d.name, await d.create(merchant)] as const)));
    expect(answers.native).toMatchObject({ status: 403, body: { error: { code: "merchant_suspended" } } });
    expect(answers.mint).toMatchObject({ status: 403, body: { error: { code: "merchant_suspended" } } });
    expect(answers.mintro).toMatchObject({ status: 403, body: { success: false, data: [] } });
    expect(answers.shop).toMatchObject({ status: 401, body: { error: { type: "authentication_error" } } });
    expect(answers.mutopay).toMatchObject({ status: 403, body: { error: "merchant suspended" } });
  });

  it("rate-limit per key with a 429 in their own shape and a Retry-After", async () => {
    process.env.KASSA_RATE_LIMIT = "2";
    process.env.KASSA_RATE_LIMIT_WINDOW = "60";
    // One second into a window, wherever the wall clock is: all three requests fall in it.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(Math.floor(Date.now() / 60_000) * 60_000 + 1_000));
    const bodies: Record<string, unknown> = {};
    for (const dialect of dialects) {
      const merchant = await createTestMerchant();
      await dialect.read(merchant, "pi_x");
      await dialect.read(merchant, "pi_x");
      const limited = await dialect.read(merchant, "pi_x");
      expect(limited.status, dialect.name).toBe(429);
      expect(Number(limited.headers.get("retry-after")), dialect.name).toBe(59);
      bodies[dialect.name] = limited.body;
      const other = await createTestMerchant();
      expect((await dialect.read(other, "pi_x")).status, `${dialect.name}: another key is not limited`).toBe(404);
    }
    expect(bodies.mutopay).toEqual({ error: "rate_limited" });
    expect(bodies.mintro).toMatchObject({ success: false, data: [] });
    expect(bodies.native).toMatchObject({ error: { type: "rate_limit_error", code: "rate_limited" } });
  });
});

describe("the rate limit counter", () => {
  it("counts every racing request exactly once", async () => {
    const db = await getDb();
    const key = `test:${Date.now()}:${Math.random()}`;
    const outcomes = await Promise.all(Array.from({ length: 30 }, () => consumeRateLimit(db, key, { limit: 10, windowSeconds: 60 })));
    expect(outcomes.filter((outcome) => outcome.allowed)).toHaveLength(10);
  });
});
