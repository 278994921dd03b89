import { and, eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { queryRows } from "@/db/rows";
import { idempotencyKeys, merchants, paymentAttempts, paymentIntents } from "@/db/schema";
import { cardIdentity } from "@/lib/checkout/card-identity";
import type { AuthorizationRequest, AuthorizationResult } from "@/lib/checkout/processor";
import { SimulatedProcessor, setProcessor } from "@/lib/checkout/simulated-processor";
import { hashRequest } from "@/lib/idempotency/run-idempotent";
import { callRoute } from "@/lib/testing/call-route";
import { createTestMerchant, futureExpiry, TEST_PASSWORD, validIntent } from "@/lib/testing/fixtures";
import * as register from "../auth/register/route";
import * as apiKeyList from "../merchants/[id]/api-keys/route";
import * as collection from "../payment-intents/route";
import * as single from "../payment-intents/[id]/route";
import * as confirm from "../payment-intents/[id]/confirm/route";

afterEach(() => setProcessor(new SimulatedProcessor()));

async function newIntent(auth: Record<string, string>) {
  return (await callRoute(collection.POST, { path: "/api/v1/payment-intents", body: validIntent, headers: auth })).body;
}

function pay(intent: { id: string; client_secret: string }, card: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return callRoute(confirm.POST, {
    path: `/api/v1/payment-intents/${intent.id}/confirm`,
    params: { id: intent.id },
    headers,
    body: { client_secret: intent.client_secret, card: { number: "4242424242424242", ...futureExpiry(), cvc: "123", ...card } },
  });
}

describe("card data and idempotency", () => {
  it("identifies a confirm by the card's fingerprint, never by its number or CVC", async () => {
    const { auth } = await createTestMerchant();
    const intent = await newIntent(auth);
    const first = await pay(intent, { cvc: "123" }, { "idempotency-key": "pay-1" });
    const sameCardOtherCvc = await pay(intent, { cvc: "999" }, { "idempotency-key": "pay-1" });
    expect(sameCardOtherCvc.body).toEqual(first.body);
    const db = await getDb();
    const [row] = await db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.key, "pay-1"), eq(idempotencyKeys.scope, `public:/api/v1/payment-intents/${intent.id}/confirm`)));
    const expiry = futureExpiry();
    expect(row!.requestHash).toBe(
      hashRequest("POST", `/api/v1/payment-intents/${intent.id}/confirm`, {
        client_secret: intent.client_secret,
        card: cardIdentity("4242424242424242", expiry.exp_month, expiry.exp_year, undefined),
      }),
    );
  });

  it("calls the processor with no transaction open, so the claimed attempt is already committed", async () => {
    const { auth } = await createTestMerchant();
    const intent = await newIntent(auth);
    let seenDuringAuthorization: { status: string }[] = [];
    setProcessor(
      new (class extends SimulatedProcessor {
        override async authorize(request: AuthorizationRequest): Promise<AuthorizationResult> {
          // A query on a fresh handle: on PGlite it would wait forever if a transaction were open.
          seenDuringAuthorization = await (await getDb())
            .select({ status: paymentAttempts.status })
            .from(paymentAttempts)
            .where(eq(paymentAttempts.id, request.reference));
          return { approved: true, processorReference: "obs_1", authorizationCode: "OK" };
        }
      })(),
    );
    const response = await pay(intent, {}, { "idempotency-key": "observed" });
    expect(response.status).toBe(200);
    expect(seenDuringAuthorization).toEqual([{ status: "processing" }]);
  });

  it("records a processor failure as a retryable decline instead of leaving the intent processing", async () => {
    const { auth } = await createTestMerchant();
    const intent = await newIntent(auth);
    setProcessor(
      new (class extends SimulatedProcessor {
        override async authorize(): Promise<AuthorizationResult> {
          throw new Error("acquirer timeout");
        }
      })(),
    );
    const response = await pay(intent);
    expect(response.status).toBe(402);
    expect(response.body.error).toMatchObject({ decline_code: "96", payment_intent: { status: "requires_payment_method" } });
  });

  it("does not store the response of an API key creation, so its secret exists nowhere", async () => {
    const { accessToken, merchant } = await createTestMerchant();
    const headers = { authorization: `Bearer ${accessToken}`, "idempotency-key": "new-key" };
    const created = await callRoute(apiKeyList.POST, { path: `/api/v1/merchants/${merchant.id}/api-keys`, params: { id: merchant.id }, headers, body: {} });
    expect(created.status).toBe(201);
    const db = await getDb();
    const dump = await queryRows<{ row: string }>(db, sql`select t::text as row from idempotency_keys t`);
    expect(dump.some(({ row }) => row.includes(created.body.secret_key))).toBe(false);
  });

  it("lets strangers use the same Idempotency-Key on register without colliding", async () => {
    const headers = { "idempotency-key": "1" };
    const a = await callRoute(register.POST, { path: "/api/v1/auth/register", headers, body: { email: `a-${Date.now()}@example.com`, password: TEST_PASSWORD, name: "A" } });
    const b = await callRoute(register.POST, { path: "/api/v1/auth/register", headers, body: { email: `b-${Date.now()}@example.com`, password: TEST_PASSWORD, name: "B" } });
    expect([a.status, b.status]).toEqual([201, 201]);
  });
});

describe("input that must be a 4xx, never a 500", () => {
  it.each([
    ["a NUL in a string", { ...validIntent, description: "mug\u0000" }, "description"],
    ["a lone surrogate in metadata", { ...validIntent, metadata: { a: "\ud800" } }, "metadata[a]"],
    ["a NUL in a metadata key", { ...validIntent, metadata: { "a\u0000": "x" } }, "metadata[a\u0000]"],
  ])("answers 400 for %s", async (_name, body, param) => {
    const { auth } = await createTestMerchant();
    const response = await callRoute(collection.POST, { path: "/api/v1/payment-intents", body, headers: auth });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: "parameter_invalid", param });
  });

  it("answers 400 for a NUL in a path or query parameter, and 404 for an overlong id", async () => {
    const { auth } = await createTestMerchant();
    const nulId = await callRoute(single.GET, { path: "/api/v1/payment-intents/a%00b", params: { id: "a\u0000b" }, headers: auth });
    expect(nulId.status).toBe(400);
    const nulCursor = await callRoute(collection.GET, { path: "/api/v1/payment-intents?starting_after=%00", headers: auth });
    expect(nulCursor.status).toBe(400);
    const long = "p".repeat(300);
    const overlong = await callRoute(single.GET, { path: `/api/v1/payment-intents/${long}`, params: { id: long }, headers: auth });
    expect(overlong.status).toBe(400);
  });

  it("answers 413 for a body over a megabyte", async () => {
    const { auth } = await createTestMerchant();
    const response = await callRoute(collection.POST, {
      path: "/api/v1/payment-intents",
      rawBody: JSON.stringify({ ...validIntent, description: "x".repeat(1_100_000) }),
      headers: auth,
    });
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe("request_too_large");
  });

  it("answers 400 for a cardholder name longer than the column", async () => {
    const { auth } = await createTestMerchant();
    const intent = await newIntent(auth);
    const response = await pay(intent, { name: "n".repeat(201) });
    expect(response.status).toBe(400);
    expect(response.body.error.param).toBe("card[name]");
  });
});

describe("state", () => {
  it("lists an overdue intent as expired, as reading it would", async () => {
    const { auth } = await createTestMerchant();
    const intent = await newIntent(auth);
    const db = await getDb();
    await db.update(paymentIntents).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(paymentIntents.id, intent.id));
    const open = await callRoute(collection.GET, { path: "/api/v1/payment-intents?status=requires_payment_method", headers: auth });
    expect(open.body.data).toEqual([]);
    const expired = await callRoute(collection.GET, { path: "/api/v1/payment-intents?status=expired", headers: auth });
    expect(expired.body.data.map((i: { id: string }) => i.id)).toEqual([intent.id]);
  });

  it("refuses payment for a suspended merchant's intent", async () => {
    const { auth, merchant } = await createTestMerchant();
    const intent = await newIntent(auth);
    const db = await getDb();
    await db.update(merchants).set({ status: "suspended" }).where(eq(merchants.id, merchant.id));
    const response = await pay(intent);
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe("merchant_suspended");
  });
});
