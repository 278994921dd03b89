import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { apiKeys, memberships, users } from "@/db/schema";
import { callRoute } from "@/lib/testing/call-route";
import { TEST_PASSWORD } from "@/lib/testing/fixtures";
import * as register from "../auth/register/route";
import * as login from "../auth/login/route";
import * as merchantList from "../merchants/route";
import * as merchant from "../merchants/[id]/route";
import * as apiKeyList from "../merchants/[id]/api-keys/route";
import * as apiKey from "../merchants/[id]/api-keys/[key_id]/route";
import * as intents from "../payment-intents/route";

const newEmail = () => `user-${randomUUID()}@example.com`;

async function signUp(email = newEmail()) {
  const registered = await callRoute(register.POST, {
    path: "/api/v1/auth/register",
    body: { email, password: TEST_PASSWORD, name: "Ada Merchant" },
  });
  const loggedIn = await callRoute(login.POST, { path: "/api/v1/auth/login", body: { email, password: TEST_PASSWORD } });
  return { email, user: registered.body, token: loggedIn.body.access_token as string };
}

async function newMerchant(token: string, name = "Ada's Shop") {
  const response = await callRoute(merchantList.POST, {
    path: "/api/v1/merchants",
    body: { name },
    headers: { authorization: `Bearer ${token}` },
  });
  return response.body;
}

describe("POST /api/v1/auth/register", () => {
  it("creates a user and answers 201 without the password", async () => {
    const email = newEmail();
    const response = await callRoute(register.POST, {
      path: "/api/v1/auth/register",
      body: { email: email.toUpperCase(), password: TEST_PASSWORD, name: "Ada" },
    });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ id: expect.any(String), object: "user", email, name: "Ada", created_at: expect.any(String) });
    const db = await getDb();
    const [row] = await db.select().from(users).where(eq(users.email, email));
    expect(row!.passwordHash).toMatch(/^scrypt\$/);
    expect(row!.passwordHash).not.toContain(TEST_PASSWORD);
  });

  it("answers 400 email_taken for an existing email, in any case", async () => {
    const { email } = await signUp();
    const response = await callRoute(register.POST, {
      path: "/api/v1/auth/register",
      body: { email: email.toUpperCase(), password: TEST_PASSWORD, name: "Other" },
    });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ type: "invalid_request_error", code: "email_taken", param: "email" });
  });

  it.each(["short", "password123", "aaaaaaaaaaaaaa"])("answers 400 weak_password for %j and says what is required", async (password) => {
    const email = newEmail();
    const response = await callRoute(register.POST, { path: "/api/v1/auth/register", body: { email, password, name: "Ada" } });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("weak_password");
    expect(response.body.error.message).toMatch(/at least|10 to 128 characters/);
    const db = await getDb();
    expect(await db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
  });

  it("answers 400 for a malformed email and for missing fields", async () => {
    const malformed = await callRoute(register.POST, {
      path: "/api/v1/auth/register",
      body: { email: "not-an-email", password: TEST_PASSWORD, name: "Ada" },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatchObject({ code: "parameter_invalid", param: "email" });
    const missing = await callRoute(register.POST, { path: "/api/v1/auth/register", body: { email: newEmail(), name: "Ada" } });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ code: "parameter_missing", param: "password" });
  });

  it("answers 400 invalid_json for a body that is not JSON", async () => {
    const response = await callRoute(register.POST, { path: "/api/v1/auth/register", rawBody: "{email:" });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("invalid_json");
  });
});

describe("POST /api/v1/auth/login", () => {
  it("returns a Bearer JWT that expires in an hour", async () => {
    const { email } = await signUp();
    const response = await callRoute(login.POST, { path: "/api/v1/auth/login", body: { email, password: TEST_PASSWORD } });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ access_token: expect.stringMatching(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/), token_type: "Bearer", expires_in: 3600 });
  });

  it("answers the same 401 for a wrong password and an unknown email", async () => {
    const { email } = await signUp();
    const wrongPassword = await callRoute(login.POST, { path: "/api/v1/auth/login", body: { email, password: "wrong password!" } });
    const unknownEmail = await callRoute(login.POST, {
      path: "/api/v1/auth/login",
      body: { email: newEmail(), password: TEST_PASSWORD },
    });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.body).toEqual(unknownEmail.body);
    expect(wrongPassword.body.error).toMatchObject({ type: "authentication_error", code: "invalid_credentials" });
  });
});

describe("merchants", () => {
  it("creates a merchant owned by the user, with a UUID", async () => {
    const { token } = await signUp();
    const created = await newMerchant(token);
    expect(created).toMatchObject({ object: "merchant", name: "Ada's Shop", status: "active", role: "owner", allowed_origins: [] });
    expect(created.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const list = await callRoute(merchantList.GET, { path: "/api/v1/merchants", headers: { authorization: `Bearer ${token}` } });
    expect(list.body.data.map((m: { id: string }) => m.id)).toEqual([created.id]);
  });

  it("answers 401 without a token or with a forged one", async () => {
    const none = await callRoute(merchantList.POST, { path: "/api/v1/merchants", body: { name: "X" } });
    expect(none.status).toBe(401);
    const forged = await callRoute(merchantList.POST, {
      path: "/api/v1/merchants",
      body: { name: "X" },
      headers: { authorization: "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl" },
    });
    expect(forged.status).toBe(401);
    expect(forged.body.error.type).toBe("authentication_error");
  });

  it("reads and updates settings, and rejects bad ones without writing", async () => {
    const { token } = await signUp();
    const { id } = await newMerchant(token);
    const headers = { authorization: `Bearer ${token}` };
    const patched = await callRoute(merchant.PATCH, {
      path: `/api/v1/merchants/${id}`,
      method: "PATCH",
      params: { id },
      headers,
      body: { display_name: "Ada & Co", brand_color: "#0f766e", logo_url: "https://cdn.example.com/logo.png", allowed_origins: ["https://ada.example"] },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ display_name: "Ada & Co", brand_color: "#0f766e", allowed_origins: ["https://ada.example"] });

    for (const body of [{ brand_color: "teal" }, { allowed_origins: ["https://ada.example/path"] }, { logo_url: "javascript:alert(1)" }]) {
      const rejected = await callRoute(merchant.PATCH, { path: `/api/v1/merchants/${id}`, method: "PATCH", params: { id }, headers, body });
      expect(rejected.status).toBe(400);
      expect(rejected.body.error.param).toBe(Object.keys(body)[0]!.startsWith("allowed") ? "allowed_origins[0]" : Object.keys(body)[0]);
    }
    const read = await callRoute(merchant.GET, { path: `/api/v1/merchants/${id}`, params: { id }, headers });
    expect(read.body).toMatchObject({ display_name: "Ada & Co", brand_color: "#0f766e", logo_url: "https://cdn.example.com/logo.png" });
  });

  it("hides another user's merchant behind a 404", async () => {
    const owner = await signUp();
    const stranger = await signUp();
    const { id } = await newMerchant(owner.token);
    const response = await callRoute(merchant.GET, {
      path: `/api/v1/merchants/${id}`,
      params: { id },
      headers: { authorization: `Bearer ${stranger.token}` },
    });
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe("not_found");
  });
});

describe("API keys", () => {
  it("shows the secret once, stores only its hash, and stops working once revoked", async () => {
    const { token } = await signUp();
    const { id } = await newMerchant(token);
    const headers = { authorization: `Bearer ${token}` };
    const created = await callRoute(apiKeyList.POST, { path: `/api/v1/merchants/${id}/api-keys`, params: { id }, headers, body: {} });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: expect.any(String), client_id: expect.stringMatching(/^ck_test_/), secret_key: expect.stringMatching(/^sk_test_\w{32}$/), created_at: expect.any(String) });
    const secret = created.body.secret_key as string;

    const db = await getDb();
    const [stored] = await db.select().from(apiKeys).where(eq(apiKeys.id, created.body.id));
    expect(JSON.stringify(stored)).not.toContain(secret);

    const listed = await callRoute(apiKeyList.GET, { path: `/api/v1/merchants/${id}/api-keys`, params: { id }, headers });
    expect(JSON.stringify(listed.body)).not.toContain(secret);
    expect(listed.body.data[0].secret_hint).toMatch(/^sk_test_\w{4}…\w{4}$/);

    const useKey = () => callRoute(intents.GET, { path: "/api/v1/payment-intents", headers: { authorization: `Bearer ${secret}` } });
    expect((await useKey()).status).toBe(200);

    const revoked = await callRoute(apiKey.DELETE, {
      path: `/api/v1/merchants/${id}/api-keys/${created.body.id}`,
      method: "DELETE",
      params: { id, key_id: created.body.id },
      headers,
    });
    expect(revoked.status).toBe(200);
    expect(revoked.body.revoked_at).toEqual(expect.any(String));
    const after = await useKey();
    expect(after.status).toBe(401);
    expect(after.body.error).toMatchObject({ type: "authentication_error", code: "unauthenticated" });
  });

  it("answers 404 when revoking another merchant's key", async () => {
    const a = await signUp();
    const b = await signUp();
    const merchantA = await newMerchant(a.token);
    const merchantB = await newMerchant(b.token);
    const keyB = await callRoute(apiKeyList.POST, {
      path: `/api/v1/merchants/${merchantB.id}/api-keys`,
      params: { id: merchantB.id },
      headers: { authorization: `Bearer ${b.token}` },
      body: {},
    });
    const response = await callRoute(apiKey.DELETE, {
      path: `/api/v1/merchants/${merchantA.id}/api-keys/${keyB.body.id}`,
      method: "DELETE",
      params: { id: merchantA.id, key_id: keyB.body.id },
      headers: { authorization: `Bearer ${a.token}` },
    });
    expect(response.status).toBe(404);
  });

  it("writes nothing for a rejected merchant creation", async () => {
    const { token, user } = await signUp();
    const db = await getDb();
    const owned = () => db.select({ n: count() }).from(memberships).where(eq(memberships.userId, user.id));
    const [before] = await owned();
    const response = await callRoute(merchantList.POST, {
      path: "/api/v1/merchants",
      body: { name: "" },
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(400);
    const [after] = await owned();
    expect(before!.n).toBe(0);
    expect(after!.n).toBe(0);
  });
});
