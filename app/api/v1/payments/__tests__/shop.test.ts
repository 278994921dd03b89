import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { callRoute } from "@/lib/testing/call-route";
import { revokeApiKey } from "@/lib/accounts/revoke-api-key";
import { updateMerchant } from "@/lib/accounts/update-merchant";
import { createTestMerchant, payIntent } from "@/lib/testing/fixtures";
import * as payments from "../route";
import * as payment from "../[id]/route";

const body = {
  amount: 10000,
  currency: "usd",
  return_url: "https://shop.example/orders/1042/complete",
  customer_email: "buyer@example.com",
  customer_name: "Ada Buyer",
  metadata: { order_id: "1042", gift: true, items: 3 },
};

function create(headers: Record<string, string>, payload: unknown, extra: Record<string, string> = {}) {
  return callRoute(payments.POST, { path: "/api/v1/payments", body: payload, headers: { ...headers, ...extra } });
}

describe("POST /api/v1/payments (shop)", () => {
  it("answers 200 with exactly the seed's response fields", async () => {
    const { auth } = await createTestMerchant();
    const response = await create(auth, body);
    expect(response.status).toBe(200);
    expect(Object.keys(response.body).sort()).toEqual(
      ["amount", "checkout_url", "created_at", "currency", "customer_email", "customer_name", "id", "metadata", "status"].sort(),
    );
    expect(response.body).toMatchObject({
      amount: 10000,
      currency: "usd",
      status: "pending",
      customer_email: "buyer@example.com",
      customer_name: "Ada Buyer",
      metadata: { order_id: "1042", gift: true, items: 3 },
    });
  });

  it("shows completed once paid", async () => {
    const { auth } = await createTestMerchant();
    const { body: created } = await create(auth, body);
    await payIntent(created.id);
    const read = await callRoute(payment.GET, { path: `/api/v1/payments/${created.id}`, params: { id: created.id }, headers: auth });
    expect(read.body.status).toBe("completed");
  });

  it.each([
    ["amount below 50 cents", { amount: 49 }, "amount"],
    ["amount in dollars", { amount: 10.5 }, "amount"],
    ["a currency other than usd", { currency: "eur" }, "currency"],
    ["no currency", { currency: undefined }, "currency"],
    ["no return_url", { return_url: undefined }, "return_url"],
    ["a return_url that is not a URL", { return_url: "orders/1042" }, "return_url"],
    ["a bad customer_email", { customer_email: "nobody" }, "customer_email"],
    ["51 metadata keys", { metadata: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, "v"])) }, "metadata"],
    ["a nested metadata value", { metadata: { nested: { a: 1 } } }, "metadata[nested]"],
    ["metadata over 5 KB", { metadata: { big: "x".repeat(5200) } }, "metadata"],
  ])("answers 400 for %s", async (_name, change, param) => {
    const { auth } = await createTestMerchant();
    const response = await create(auth, { ...body, ...change });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ type: "invalid_request_error", param });
  });

  it("accepts exactly 50 metadata keys", async () => {
    const { auth } = await createTestMerchant();
    const response = await create(auth, { ...body, metadata: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, i])) });
    expect(response.status).toBe(200);
  });

  it("answers 401 for a missing, malformed, unknown or revoked key, and for an inactive shop", async () => {
    const { auth, apiKey, merchant, secretKey } = await createTestMerchant();
    const unauthorized = async (headers: Record<string, string>) => {
      const response = await create(headers, body);
      expect(response.status).toBe(401);
      expect(response.body.error.type).toBe("authentication_error");
    };
    await unauthorized({});
    await unauthorized({ authorization: secretKey });
    await unauthorized({ authorization: "Bearer sk_test_doesnotexist" });
    const db = await getDb();
    await updateMerchant(db, merchant.id, { status: "suspended" });
    await unauthorized(auth);
    await updateMerchant(db, merchant.id, { status: "active" });
    expect((await create(auth, body)).status).toBe(200);
    await revokeApiKey(db, merchant.id, apiKey.id);
    await unauthorized(auth);
  });

  it("creates exactly one payment for a retried Idempotency-Key", async () => {
    const { auth } = await createTestMerchant();
    const [a, b] = await Promise.all([create(auth, body, { "idempotency-key": "order-1042" }), create(auth, body, { "idempotency-key": "order-1042" })]);
    expect(a.body.id).toBe(b.body.id);
  });
});
