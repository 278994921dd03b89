import { afterEach, describe, expect, it, vi } from "vitest";
import { callRoute } from "@/lib/testing/call-route";
import { createTestMerchant, payIntent } from "@/lib/testing/fixtures";
import * as merchantRoute from "../../v1/merchants/[id]/route";
import * as payments from "../route";
import * as payment from "../[id]/route";

/** The body of seed 004's cURL example. */
const seedBody = {
  amount_usd: 25.0,
  description: "Order #1042",
  external_id: "order_1042",
  callback_url: "https://yourstore.com/thanks",
  metadata: { user_id: "u_88124", tier: "pro" },
};

const create = (secretKey: string, body: unknown) =>
  callRoute(payments.POST, { path: "/api/payments", body, headers: { "x-api-key": secretKey } });

afterEach(() => {
  delete process.env.KASSA_FX_RATES;
});

describe("POST /api/payments (mutopay)", () => {
  it("answers 201 with the seed's fields, expiring in 30 minutes by default", async () => {
    const { secretKey } = await createTestMerchant();
    const response = await create(secretKey, seedBody);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      status: "pending",
      amount_usd: 25,
      currency: "USD",
      description: "Order #1042",
      external_id: "order_1042",
      url: expect.stringMatching(/^http:\/\/kassa\.test\/pay\/pay_\w+\?client_secret=/),
      expires_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
    });
    expect(response.body.id).toMatch(/^pay_\w{24}$/);
    const lifetime = Date.parse(response.body.expires_at) - Date.parse(response.body.created_at);
    expect(lifetime).toBeGreaterThanOrEqual(1799_000);
    expect(lifetime).toBeLessThanOrEqual(1801_000);
  });

  it("converts amount_original at the configured rate and keeps that rate", async () => {
    process.env.KASSA_FX_RATES = "EUR=1.0850";
    const { secretKey } = await createTestMerchant();
    const response = await create(secretKey, { amount_original: 25.0, currency: "EUR", description: "Abonnement Pro" });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ amount_usd: 27.13, currency: "EUR", amount_original: 25, fx_rate: 1.085 });

    process.env.KASSA_FX_RATES = "EUR=2";
    const read = await callRoute(payment.GET, { path: `/api/payments/${response.body.id}`, params: { id: response.body.id }, headers: { "x-api-key": secretKey } });
    expect(read.body).toMatchObject({ amount_usd: 27.13, fx_rate: 1.085 });
  });

  it("honours expires_at up to 7 days and refuses more", async () => {
    const { secretKey } = await createTestMerchant();
    // The app's clock stands still, so the lifetime it computes is exact; the database counts from its own now().
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(Math.floor(Date.now() / 1000) * 1000));
    const inTwoDays = new Date(Date.now() + 2 * 86400_000).toISOString();
    const ok = await create(secretKey, { ...seedBody, expires_at: inTwoDays });
    vi.useRealTimers();
    expect(Date.parse(ok.body.expires_at) - Date.parse(ok.body.created_at)).toBe(2 * 86400_000);
    const tooFar = await create(secretKey, { ...seedBody, expires_at: new Date(Date.now() + 8 * 86400_000).toISOString() });
    expect(tooFar.status).toBe(400);
    expect(tooFar.body).toEqual({ error: "invalid_request", message: "expires_at must be at most 7 days away." });
  });

  it("refuses an amount under the merchant's minimum with the exact threshold", async () => {
    const { secretKey, merchant, accessToken } = await createTestMerchant();
    const set = await callRoute(merchantRoute.PATCH, {
      path: `/api/v1/merchants/${merchant.id}`,
      method: "PATCH",
      params: { id: merchant.id },
      headers: { authorization: `Bearer ${accessToken}` },
      body: { minimum_amounts: { USD: 500 } },
    });
    expect(set.body.minimum_amounts).toEqual({ USD: 500 });
    const response = await create(secretKey, { ...seedBody, amount_usd: 4.99 });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: "invalid_request", message: "Minimum invoice on this channel is $5.00." });
    expect((await create(secretKey, { ...seedBody, amount_usd: 5 })).status).toBe(201);
  });

  it.each([
    [{ amount_usd: undefined }, "amount_usd is required unless amount_original and currency are supplied."],
    [{ amount_original: 10, currency: "EUR" }, "amount_usd cannot be sent together with amount_original: send one or the other."],
    [{ amount_usd: "lots" }, "amount_usd must be a positive number of US dollars, such as 25.00"],
    [{ amount_usd: 25.001 }, "amount_usd has more than 2 decimal places, the most USD allows."],
    [{ amount_usd: 0 }, "amount_usd must be greater than 0."],
    [{ callback_url: "thanks" }, "callback_url must be an absolute http:// or https:// URL"],
    [{ expires_at: "tomorrow" }, "expires_at must be an ISO-8601 date-time such as 2026-04-21T14:30:00Z"],
    [{ metadata: { blob: "x".repeat(4200) } }, "metadata must be at most 4 KB as JSON"],
    [{ customer_email: "nope" }, "customer_email must be a valid email address"],
  ])("answers 400 invalid_request for %j", async (change, message) => {
    const { secretKey } = await createTestMerchant();
    const response = await create(secretKey, { ...seedBody, ...change });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: "invalid_request", message });
  });

  it("refuses a currency it has no rate for", async () => {
    const { secretKey } = await createTestMerchant();
    const response = await create(secretKey, { amount_original: 100, currency: "MXN" });
    expect(response.status).toBe(400);
    expect(response.body.message).toMatch(/^currency has no exchange rate; Kassa converts from /);
  });

  it("answers the seed's fixed bodies for 401 and 403", async () => {
    const { secretKey, merchant, accessToken } = await createTestMerchant();
    expect(await create("", seedBody)).toMatchObject({ status: 401, body: { error: "unauthorized" } });
    expect(await create("sk_test_wrong", seedBody)).toMatchObject({ status: 401, body: { error: "unauthorized" } });
    await callRoute(merchantRoute.PATCH, {
      path: `/api/v1/merchants/${merchant.id}`,
      method: "PATCH",
      params: { id: merchant.id },
      headers: { authorization: `Bearer ${accessToken}` },
      body: { status: "suspended" },
    });
    const suspended = await create(secretKey, seedBody);
    expect(suspended).toMatchObject({ status: 403, body: { error: "merchant suspended" } });
  });

  it("reads a payment as paid once paid", async () => {
    const { secretKey } = await createTestMerchant();
    const { body } = await create(secretKey, seedBody);
    await payIntent(body.id);
    const read = await callRoute(payment.GET, { path: `/api/payments/${body.id}`, params: { id: body.id }, headers: { "x-api-key": secretKey } });
    expect(read.body.status).toBe("paid");
  });
});
