import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { merchantAcquirers } from "@/db/schema";
import { issueAccessToken } from "@/lib/accounts/access-token";
import { connectSite } from "@/lib/accounts/connect-site";
import { registerUser } from "@/lib/accounts/register-user";
import { acceptInvitation, inviteMember } from "@/lib/accounts/team";
import { callRoute } from "@/lib/testing/call-route";
import { createTestMerchant, TEST_PASSWORD } from "@/lib/testing/fixtures";
import * as acquirer from "../route";

const SECRET = "sk_live_51AbCdEfGhIjKlMnOpQrStUvWx9876";

function call(method: "PUT" | "GET" | "DELETE", merchantId: string, token: string, body?: unknown) {
  const handler = acquirer[method];
  return callRoute(handler, { path: `/api/v1/merchants/${merchantId}/acquirer`, method, params: { id: merchantId }, headers: { authorization: `Bearer ${token}` }, body });
}

describe("the acquirer for live payments", () => {
  it("is set by the owner, shown again only as its type and last four, sealed at rest, and removed", async () => {
    const { merchant, accessToken } = await createTestMerchant();
    expect((await call("GET", merchant.id, accessToken)).status).toBe(404);

    const saved = await call("PUT", merchant.id, accessToken, { type: "stripe", secret_key: SECRET, webhook_secret: "whsec_0123456789abcdef" });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ object: "acquirer", type: "stripe", secret_key_last4: "9876", webhook_secret_set: true });
    expect(saved.body.webhook_url).toMatch(/\/api\/acquirers\/stripe\/webhook$/);
    expect(JSON.stringify(saved.body)).not.toContain(SECRET);
    const [row] = await (await getDb()).select().from(merchantAcquirers).where(eq(merchantAcquirers.merchantId, merchant.id));
    expect(row!.secretCiphertext).not.toContain(SECRET);
    expect(row!.secretCiphertext).not.toContain("51AbCdEf");

    // A new key alone keeps the webhook secret, so rotating the key does not stop the acquirer's webhooks.
    const rotated = await call("PUT", merchant.id, accessToken, { type: "stripe", secret_key: "sk_live_51ZyXwVuTsRqPoNmLk1234" });
    expect(rotated.body).toMatchObject({ secret_key_last4: "1234", webhook_secret_set: true });
    expect((await call("GET", merchant.id, accessToken)).body).toMatchObject({ secret_key_last4: "1234" });

    const removed = await call("DELETE", merchant.id, accessToken);
    expect(removed.body).toMatchObject({ object: "acquirer", deleted: true });
    expect((await call("GET", merchant.id, accessToken)).status).toBe(404);
    expect((await call("DELETE", merchant.id, accessToken)).status).toBe(404);
  });

  it("refuses what cannot be a key, clearly, and writes nothing", async () => {
    const { merchant, accessToken } = await createTestMerchant();
    const cases: [unknown, string][] = [
      [{ type: "paypal", secret_key: SECRET }, "type"],
      [{ type: "stripe", secret_key: "pk_live_51AbCdEfGhIjKlMnOp" }, "secret_key"],
      [{ type: "stripe", secret_key: "hunter2" }, "secret_key"],
      [{ type: "stripe", secret_key: SECRET, webhook_secret: "not-a-secret" }, "webhook_secret"],
      [{ type: "stripe" }, "secret_key"],
      [{ type: "stripe", secret_key: SECRET, extra: 1 }, "extra"],
    ];
    for (const [body, param] of cases) {
      const refused = await call("PUT", merchant.id, accessToken, body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(refused.body.error), JSON.stringify(body)).toContain(param);
    }
    expect((await call("GET", merchant.id, accessToken)).status).toBe(404);
  });

  it("takes a Stripe test key only when the adapter talks to a test server on this machine", async () => {
    const { merchant, accessToken } = await createTestMerchant();
    const testKey = { type: "stripe", secret_key: "sk_test_51AbCdEfGhIjKlMnOp1234", webhook_secret: "whsec_0123456789abcdef" };
    delete process.env.KASSA_STRIPE_API_URL;
    const refused = await call("PUT", merchant.id, accessToken, testKey);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ param: "secret_key" });
    expect(refused.body.error.message).toContain("test key");
    process.env.KASSA_STRIPE_API_URL = "http://127.0.0.1:9";
    try {
      expect((await call("PUT", merchant.id, accessToken, testKey)).status).toBe(200);
    } finally {
      delete process.env.KASSA_STRIPE_API_URL;
    }
    // The first time, the webhook secret is needed: without it a late answer could stay unsettled.
    const other = await createTestMerchant();
    const missing = await call("PUT", other.merchant.id, other.accessToken, { type: "stripe", secret_key: SECRET });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ param: "webhook_secret" });
  });

  it("is the owner's alone: an admin may neither see nor change it", async () => {
    const { merchant, user } = await createTestMerchant();
    const db = await getDb();
    const admin = await registerUser(db, { email: `admin-${randomUUID()}@example.com`, password: TEST_PASSWORD, name: "Admin" });
    const { token } = await inviteMember(db, "owner", merchant.id, user.id, admin.email, "admin");
    await acceptInvitation(db, token, admin.id);
    const adminToken = await issueAccessToken(admin.id);
    expect((await call("PUT", merchant.id, adminToken, { type: "stripe", secret_key: SECRET })).status).toBe(403);
    expect((await call("GET", merchant.id, adminToken)).status).toBe(403);
    const stranger = await createTestMerchant();
    // A stranger is not told the merchant exists.
    expect((await call("GET", merchant.id, stranger.accessToken)).status).toBe(404);
  });

  it("lets the connect flow make live keys only for a merchant with an acquirer", async () => {
    const { merchant, user, accessToken } = await createTestMerchant();
    const db = await getDb();
    process.env.KASSA_ALLOW_PRIVATE_WEBHOOKS = "1";
    try {
      const request = { return_url: "https://shop.example/connected", webhook_url: "http://127.0.0.1:9/hooks", site_name: "Shop" };
      await expect(connectSite(db, { merchantId: merchant.id, mode: "live" }, user, request)).rejects.toMatchObject({ code: "live_mode_unavailable" });
      await call("PUT", merchant.id, accessToken, { type: "stripe", secret_key: SECRET, webhook_secret: "whsec_0123456789abcdef" });
      const { site } = await connectSite(db, { merchantId: merchant.id, mode: "live" }, user, request);
      const { site: testSite } = await connectSite(db, merchant.id, user, request);
      const { apiKeys } = await import("@/db/schema");
      const [liveKey] = await db.select().from(apiKeys).where(eq(apiKeys.id, site.apiKeyId!));
      const [testKey] = await db.select().from(apiKeys).where(eq(apiKeys.id, testSite.apiKeyId!));
      expect(liveKey!.mode).toBe("live");
      expect(testKey!.mode).toBe("test");
    } finally {
      delete process.env.KASSA_ALLOW_PRIVATE_WEBHOOKS;
    }
  });
});
