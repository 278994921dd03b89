import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { SignJWT } from "jose";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { paymentIntents, users } from "@/db/schema";
import { issueAccessToken } from "@/lib/accounts/access-token";
import { derivedKey } from "@/lib/config/env";
import { verifyPassword, withHashSlot } from "@/lib/crypto/password";
import { clientAddress } from "@/lib/http/client-address";
import { callRoute } from "@/lib/testing/call-route";
import { createTestMerchant, TEST_PASSWORD, validIntent } from "@/lib/testing/fixtures";
import * as login from "@/app/api/v1/auth/login/route";
import * as register from "@/app/api/v1/auth/register/route";
import * as merchants from "@/app/api/v1/merchants/route";
import * as intents from "@/app/api/v1/payment-intents/route";
import * as confirm from "@/app/api/v1/payment-intents/[id]/confirm/route";
import * as mintroIntents from "@/app/api/platform/intents/route";
import * as mutopayPayments from "@/app/api/payments/route";
import * as submit from "@/app/pay/[id]/submit/route";

afterEach(() => {
  delete process.env.KASSA_TRUSTED_PROXIES;
  delete process.env.KASSA_PASSWORD_HASH_CONCURRENCY;
  delete process.env.KASSA_PASSWORD_HASH_WAIT_MS;
});

const deep = (levels: number) => "[".repeat(levels) + "]".repeat(levels);

describe("JSON nested thousands of levels deep", () => {
  it.each([
    ["login", login.POST, "/api/v1/auth/login", {}],
    ["register", register.POST, "/api/v1/auth/register", {}],
    ["confirm", confirm.POST, "/api/v1/payment-intents/pi_x/confirm", {}],
  ])("gets a 400 on %s, not a crashed stack", async (_name, handler, path) => {
    const response = await callRoute(handler, { path, rawBody: deep(20_000), params: { id: "pi_x" } });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ type: "invalid_request_error", code: "parameter_invalid" });
    expect(response.body.error.message).toMatch(/at most 32 levels deep/);
  });

  it("gets each dialect's 400 inside a field, and for an array too long to walk", async () => {
    const merchant = await createTestMerchant();
    const mutopay = await callRoute(mutopayPayments.POST, {
      path: "/api/payments",
      headers: { "x-api-key": merchant.secretKey },
      rawBody: `{"amount_usd":5,"metadata":{"a":${deep(5000)}}}`,
    });
    expect(mutopay).toMatchObject({ status: 400, body: { error: "invalid_request", message: expect.stringMatching(/^Invalid metadata\[a\]/) } });
    const mintro = await callRoute(mintroIntents.POST, { path: "/api/platform/intents", headers: merchant.mintroAuth, body: { amount: 5, order_items: Array(5000).fill({}) } });
    expect(mintro.status).toBe(422);
    expect(mintro.body.errors.order_items[0]).toMatch(/at most 1000 items/);
  });
});

describe("access tokens", () => {
  const sign = (claims: { sub?: string; exp?: boolean }) => {
    let jwt = new SignJWT({}).setProtectedHeader({ alg: "HS256" }).setIssuer("kassa").setAudience("kassa-api").setIssuedAt();
    if (claims.sub) jwt = jwt.setSubject(claims.sub);
    if (claims.exp !== false) jwt = jwt.setExpirationTime("1h");
    return jwt.sign(derivedKey("api-token"));
  };
  const listMerchants = (token: string) => callRoute(merchants.GET, { path: "/api/v1/merchants", headers: { authorization: `Bearer ${token}` } });

  it("refuses a validly signed token whose subject is not a user id, with 401", async () => {
    expect((await listMerchants(await sign({ sub: "not-a-uuid" }))).status).toBe(401);
    expect((await listMerchants(await sign({}))).status).toBe(401);
  });

  it("refuses a token without an expiry", async () => {
    const { user } = await createTestMerchant();
    expect((await listMerchants(await sign({ sub: user.id, exp: false }))).status).toBe(401);
    expect((await listMerchants(await sign({ sub: user.id }))).status).toBe(200);
  });

  it("answers 401 once the token's user no longer exists", async () => {
    const { user } = await createTestMerchant();
    const token = await issueAccessToken(user.id);
    const db = await getDb();
    await db.delete(users).where(eq(users.id, user.id));
    const response = await listMerchants(token);
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe("unauthenticated");
    expect((await listMerchants(await issueAccessToken(randomUUID()))).status).toBe(401);
  });
});

describe("failed logins", () => {
  const from = (address: string) => ({ "x-kassa-peer-address": address });
  const attempt = (email: string, password: string, address: string) =>
    callRoute(login.POST, { path: "/api/v1/auth/login", headers: from(address), body: { email, password } });

  it("stop an address after 20 failures in 10 minutes, with Retry-After, and not the owner elsewhere", async () => {
    const { user } = await createTestMerchant();
    const attacker = `203.0.113.${Math.floor(Math.random() * 200)}`;
    for (let i = 0; i < 20; i++) {
      // Spread over accounts, so only the per-address limit can trip.
      expect((await attempt(`nobody-${i}-${randomUUID()}@example.com`, "wrong password", attacker)).status).toBe(401);
    }
    const blocked = await attempt(user.email, TEST_PASSWORD, attacker);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(blocked.body.error.code).toBe("rate_limited");
    expect((await attempt(user.email, TEST_PASSWORD, "198.51.100.7")).status).toBe(200);
  });

  it("stop one address guessing one account after 10 tries, while the owner signs in from another", async () => {
    const { user } = await createTestMerchant();
    for (let i = 0; i < 10; i++) expect((await attempt(user.email, `guess ${i}`, "203.0.113.50")).status).toBe(401);
    expect((await attempt(user.email, TEST_PASSWORD, "203.0.113.50")).status).toBe(429);
    expect((await attempt(user.email, TEST_PASSWORD, "198.51.100.8")).status).toBe(200);
  });

  it("under a distributed attack, stop every address that failed on the account but not a fresh one", async () => {
    const { user } = await createTestMerchant();
    for (let i = 0; i < 50; i++) await attempt(user.email, "guess", `192.0.2.${i}`);
    expect((await attempt(user.email, TEST_PASSWORD, "192.0.2.3")).status).toBe(429);
    expect((await attempt(user.email, TEST_PASSWORD, "198.51.100.9")).status).toBe(200);
  });

  it("forgive an address its typos once it signs in", async () => {
    const { user } = await createTestMerchant();
    for (let i = 0; i < 9; i++) await attempt(user.email, "typo", "203.0.113.60");
    expect((await attempt(user.email, TEST_PASSWORD, "203.0.113.60")).status).toBe(200);
    for (let i = 0; i < 9; i++) expect((await attempt(user.email, "typo", "203.0.113.60")).status).toBe(401);
  });

  it("reads the address from the socket, and from X-Forwarded-For only as far as KASSA_TRUSTED_PROXIES allows", () => {
    const headers = new Headers({ "x-kassa-peer-address": "10.0.0.2", "x-forwarded-for": "6.6.6.6, 198.51.100.20" });
    expect(clientAddress(headers)).toBe("10.0.0.2");
    process.env.KASSA_TRUSTED_PROXIES = "1";
    expect(clientAddress(headers)).toBe("198.51.100.20");
    process.env.KASSA_TRUSTED_PROXIES = "2";
    expect(clientAddress(headers)).toBe("6.6.6.6");
    expect(clientAddress(new Headers({ "x-kassa-peer-address": "::ffff:127.0.0.1" }), 0)).toBe("127.0.0.1");
  });

  it("cap the password hashes computed at once: the rest wait briefly, then get a 429", async () => {
    process.env.KASSA_PASSWORD_HASH_CONCURRENCY = "1";
    process.env.KASSA_PASSWORD_HASH_WAIT_MS = "0";
    // The one slot is held until the test lets go, so nothing depends on how fast a hash is.
    let letGo!: () => void;
    const holding = withHashSlot(() => new Promise<void>((resolve) => (letGo = resolve)));
    await expect(verifyPassword("x", "scrypt$1024$8$1$c2FsdA$aGFzaA")).rejects.toMatchObject({ code: "rate_limited", details: { retryAfter: 1 } });
    const login = await callRoute(register.POST, { path: "/api/v1/auth/register", body: { email: `${randomUUID()}@example.com`, password: "a long enough passphrase 42", name: "Ada" } });
    expect(login.status).toBe(429);
    expect(login.headers.get("retry-after")).toBe("1");
    // With time to wait, a hash takes its turn as soon as the slot is free.
    process.env.KASSA_PASSWORD_HASH_WAIT_MS = "5000";
    const waiting = verifyPassword("x", "scrypt$1024$8$1$c2FsdA$aGFzaA");
    letGo();
    await holding;
    expect(await waiting).toBe(false);
  });
});

describe("the checkout's form posts", () => {
  const post = (id: string, body: string) =>
    submit.POST(new Request(`http://kassa.test/pay/${id}/submit`, { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" } }), {
      params: Promise.resolve({ id }),
    });

  it("refuse a body over 16 KB with a 413 and echo nothing of it", async () => {
    const response = await post("pi_x", `client_secret=${"a".repeat(20 * 1024 * 1024)}`);
    expect(response.status).toBe(413);
    expect(response.headers.get("location")).toBeNull();
  });

  it("never put a field longer than any real one into the Location header", async () => {
    const response = await post("pi_x", `client_secret=${"a".repeat(5000)}&number=4242`);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")!.length).toBeLessThan(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });
});

describe("paging", () => {
  it("skips and repeats no intent when several share a millisecond", async () => {
    const merchant = await createTestMerchant();
    const db = await getDb();
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await callRoute(intents.POST, { path: "/api/v1/payment-intents", body: validIntent, headers: merchant.auth })).body.id);
    // Same millisecond, different microseconds: what a JS Date cannot tell apart.
    for (const [i, id] of ids.entries()) {
      await db.update(paymentIntents).set({ createdAt: sql`timestamptz '2026-03-01 12:00:00.123' + make_interval(secs => ${(i % 3) * 0.0001})` }).where(eq(paymentIntents.id, id));
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const response = await callRoute(intents.GET, { path: `/api/v1/payment-intents?limit=1${cursor ? `&starting_after=${cursor}` : ""}`, headers: merchant.auth });
      seen.push(...response.body.data.map((intent: { id: string }) => intent.id));
      if (!response.body.has_more) break;
      cursor = response.body.data.at(-1).id;
    }
    expect(seen).toHaveLength(6);
    expect(new Set(seen)).toEqual(new Set(ids));
  });
});
