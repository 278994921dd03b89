import { createHmac } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { connectedSites, paymentIntents } from "@/db/schema";
import { connectSite } from "@/lib/accounts/connect-site";
import { cancelCheckout } from "@/lib/checkout/cancel-checkout";
import { disconnectSite } from "@/lib/accounts/connected-sites";
import { expireDueIntents } from "@/lib/intents/expire-intent";
import { callRoute } from "@/lib/testing/call-route";
import { freshWalletXpub } from "@/lib/testing/chain-world";
import { createTestMerchant, payIntent, validIntent } from "@/lib/testing/fixtures";
import { inEventOrder, startWebhookReceiver, type ReceivedWebhook } from "@/lib/testing/webhook-receiver";
import { deliverDueWebhooks } from "@/lib/webhooks/deliver-webhooks";
import { redeliverEvent } from "@/lib/webhooks/redeliver-event";
import * as exchange from "@/app/api/connect/exchange/route";
import * as setupStatus from "@/app/api/merchant/setup-status/route";
import * as merchantRoute from "@/app/api/v1/merchants/[id]/route";
import * as nativeIntents from "@/app/api/v1/payment-intents/route";
import * as endpoints from "@/app/api/v1/webhook-endpoints/route";
import * as payments from "../route";
import * as status from "../[id]/status/route";

/**
 * MutoPay's WooCommerce plugin, replayed call by call from its source (CONTRACTS.md §1): the same
 * headers and bodies it sends, and only what it reads from the answers.
 */
const PLUGIN_HEADERS = (apiKey: string) => ({ "x-api-key": apiKey, "content-type": "application/json", "user-agent": "MutoPay-WooCommerce/1.0" });

const pluginOrder = (orderId: number, total: number, currency = "USD") => ({
  amount: total,
  currency,
  external_id: `wc_${orderId}`,
  callback_url: `https://shop.example/checkout/order-received/${orderId}/?key=wc_order_abc`,
  metadata: { store_url: "https://shop.example", order_number: String(orderId), items_count: 2, customer_email: "buyer@example.com" },
  expires_in_minutes: 60,
});

const createPayment = (apiKey: string, body: unknown) => callRoute(payments.POST, { path: "/api/payments", headers: PLUGIN_HEADERS(apiKey), body });
const pollStatus = (apiKey: string, id: string) =>
  callRoute(status.GET, { path: `/api/payments/${id}/status`, params: { id }, headers: PLUGIN_HEADERS(apiKey) });

/** What the plugin's webhook handler checks: `hash_equals('sha256=' . hash_hmac('sha256', $raw_body, $secret), $header)`. */
function pluginAccepts(hook: ReceivedWebhook, secret: string): boolean {
  const expected = `sha256=${createHmac("sha256", secret).update(hook.body).digest("hex")}`;
  return hook.headers["x-mutopay-signature"] === expected;
}

let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

beforeAll(async () => {
  process.env.KASSA_ALLOW_PRIVATE_WEBHOOKS = "1";
  receiver = await startWebhookReceiver();
});
afterAll(() => receiver.close());
afterEach(() => {
  receiver.received.length = 0;
  delete process.env.KASSA_FX_RATES;
});

async function drain() {
  const db = await getDb();
  while ((await deliverDueWebhooks(db)) > 0);
}

async function connectedShop() {
  const merchant = await createTestMerchant();
  const db = await getDb();
  const { returnTo } = await connectSite(db, merchant.merchant.id, { id: merchant.user.id, email: merchant.user.email }, {
    return_url: "https://shop.example/wp-admin/admin.php?page=mutopay-connect&state=Zq8x",
    webhook_url: receiver.url,
    site_name: "shop.example",
    platform: "woocommerce",
  });
  const token = new URL(returnTo).searchParams.get("token")!;
  // The plugin sends only Content-Type and the token.
  const collected = await callRoute(exchange.POST, { path: "/api/connect/exchange", headers: { "content-type": "application/json" }, body: { token } });
  return { merchant, returnTo, token, collected };
}

describe("the plugin's create_payment", () => {
  it("prices an order in the shop's currency, converts it to US dollars and answers a payment_url path", async () => {
    process.env.KASSA_FX_RATES = "EUR=1.0850";
    const { secretKey } = await createTestMerchant();
    const response = await createPayment(secretKey, pluginOrder(1042, 42.5, "EUR"));
    expect(response.status).toBe(201);
    const { id, payment_url: paymentUrl } = response.body;
    expect(id).toMatch(/^pay_/);
    // The plugin redirects to "<base_url><payment_url>", so it must be a path on this server.
    expect(paymentUrl).toMatch(new RegExp(`^/pay/${id}\\?client_secret=`));
    expect(response.body.url).toBe(`http://kassa.test${paymentUrl}`);
    expect(response.body).toMatchObject({ amount_usd: 46.11, currency: "EUR", amount_original: 42.5, fx_rate: 1.085, external_id: "wc_1042" });
    const lifetime = Date.parse(response.body.expires_at) - Date.parse(response.body.created_at);
    expect(Math.abs(lifetime - 60 * 60_000)).toBeLessThanOrEqual(1000);
  });

  it("takes an order priced in US dollars as it is", async () => {
    const { secretKey } = await createTestMerchant();
    const response = await createPayment(secretKey, pluginOrder(7, 19.99));
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ amount_usd: 19.99, currency: "USD" });
    expect(response.body).not.toHaveProperty("fx_rate");
  });

  it.each([
    [{ expires_in_minutes: 14 }, "expires_in_minutes must be at least 15 minutes"],
    [{ expires_in_minutes: 10081 }, "expires_in_minutes must be at most 10080 minutes (7 days)"],
    [{ expires_in_minutes: 30.5 }, "expires_in_minutes must be a whole number of minutes from 15 to 10080"],
    [{ amount: 0 }, "amount must be greater than 0."],
    [{ amount: 10, amount_usd: 10 }, "amount_usd cannot be sent together with amount: send one or the other."],
    [{ expires_at: "2030-01-01T00:00:00Z" }, "expires_in_minutes cannot be sent together with expires_at: send one or the other."],
  ])("refuses %j with a 400 whose message the plugin shows", async (change, message) => {
    const { secretKey } = await createTestMerchant();
    const response = await createPayment(secretKey, { ...pluginOrder(8, 10), ...change });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: "invalid_request", message });
  });
});

describe("the plugin's get_payment_status", () => {
  it("answers pending, then completed with a tx_hash that stays the same", async () => {
    const { secretKey } = await createTestMerchant();
    const { body } = await createPayment(secretKey, pluginOrder(9, 25));
    expect((await pollStatus(secretKey, body.id)).body).toEqual({ id: body.id, status: "pending", tx_hash: null, failure_reason: null });
    await payIntent(body.id, "4000000000000069");
    expect((await pollStatus(secretKey, body.id)).body.status).toBe("pending");
    await payIntent(body.id);
    const first = await pollStatus(secretKey, body.id);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: "completed", failure_reason: null, tx_hash: expect.stringMatching(/^sim_\w+$/) });
    expect((await pollStatus(secretKey, body.id)).body.tx_hash).toBe(first.body.tx_hash);
  });

  it("answers failed with the reason after the last decline", async () => {
    const { secretKey } = await createTestMerchant();
    const { body } = await createPayment(secretKey, pluginOrder(10, 25));
    for (let attempt = 0; attempt < 5; attempt++) await payIntent(body.id, "4000000000009995");
    expect((await pollStatus(secretKey, body.id)).body).toEqual({
      id: body.id,
      status: "failed",
      tx_hash: null,
      failure_reason: expect.stringMatching(/insufficient funds/i),
    });
  });

  it("answers expired for an expired payment and for a canceled one, so the shop cancels the order", async () => {
    const { secretKey, merchant } = await createTestMerchant();
    const db = await getDb();
    const { body: expiring } = await createPayment(secretKey, pluginOrder(11, 25));
    await db.update(paymentIntents).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(paymentIntents.id, expiring.id));
    await expireDueIntents(db, merchant.id);
    expect((await pollStatus(secretKey, expiring.id)).body.status).toBe("expired");
    const { body: abandoned } = await createPayment(secretKey, pluginOrder(19, 25));
    const [intent] = await db.select().from(paymentIntents).where(eq(paymentIntents.id, abandoned.id));
    await cancelCheckout(db, abandoned.id, intent!.clientSecret);
    expect((await pollStatus(secretKey, abandoned.id)).body).toEqual({ id: abandoned.id, status: "expired", tx_hash: null, failure_reason: null });
  });

  it("answers the plugin's 401 for a wrong key and a JSON 404 for an unknown payment", async () => {
    const { secretKey } = await createTestMerchant();
    expect(await pollStatus("ep_wrong", "pay_x")).toMatchObject({ status: 401, body: { error: "unauthorized" } });
    expect(await pollStatus(secretKey, "pay_unknown")).toMatchObject({ status: 404, body: { error: "not_found" } });
  });
});

describe("the plugin's webhook handler", () => {
  it("verifies X-MutoPay-Signature on every delivery and reads event, external_id and tx_hash at the top", async () => {
    const { merchant, collected } = await connectedShop();
    const secret = collected.body.webhook_secret as string;
    receiver.trust(secret);
    const { body } = await createPayment(collected.body.api_key, pluginOrder(12, 30));
    await payIntent(body.id, "4000000000000127");
    await payIntent(body.id);
    await drain();
    expect(receiver.received).toHaveLength(2);
    for (const hook of receiver.received) {
      expect(pluginAccepts(hook, secret)).toBe(true);
      // The Standard Webhooks signature stays beside it.
      expect(hook.verifiedWith).toEqual([secret]);
    }
    const [declined, paid] = (await inEventOrder(receiver.received)).map((hook) => hook.payload) as [Record<string, any>, Record<string, any>];
    // A decline the buyer may still retry must not fail the order.
    expect(declined).toMatchObject({ event: "payment.attempt_failed", type: "payment.failed", external_id: "wc_12", tx_hash: null });
    const polled = await pollStatus(collected.body.api_key, body.id);
    expect(paid).toMatchObject({ event: "payment.completed", external_id: "wc_12", tx_hash: polled.body.tx_hash, failure_reason: null });
    expect(paid.data).toMatchObject({ id: body.id, status: "paid", external_id: "wc_12" });

    // Redelivered from the log: the same bytes, signed again.
    const db = await getDb();
    receiver.received.length = 0;
    await redeliverEvent(db, merchant.merchant.id, paid.id as string);
    await drain();
    expect(receiver.received).toHaveLength(1);
    expect(pluginAccepts(receiver.received[0]!, secret)).toBe(true);
    expect(receiver.received[0]!.payload).toEqual(paid);
  });

  it("sends payment.failed with the reason once the payment has failed, and payment.expired when it lapses", async () => {
    const { merchant, collected } = await connectedShop();
    const secret = collected.body.webhook_secret as string;
    const { body: failing } = await createPayment(collected.body.api_key, pluginOrder(13, 30));
    for (let attempt = 0; attempt < 5; attempt++) await payIntent(failing.id, "4000000000009995");
    const { body: lapsing } = await createPayment(collected.body.api_key, pluginOrder(14, 30));
    const db = await getDb();
    await db.update(paymentIntents).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(paymentIntents.id, lapsing.id));
    await expireDueIntents(db, merchant.merchant.id);
    await drain();
    const hooks = await inEventOrder(receiver.received);
    const events = hooks.map((hook) => {
      expect(pluginAccepts(hook, secret)).toBe(true);
      return [hook.payload.event, hook.payload.external_id];
    });
    expect(events).toEqual([...Array(4).fill(["payment.attempt_failed", "wc_13"]), ["payment.failed", "wc_13"], ["payment.expired", "wc_14"]]);
    expect(hooks[4]!.payload.failure_reason).toMatch(/insufficient funds/i);
  });

  it("does not send a connected shop the payments other keys of the merchant make", async () => {
    const { merchant, collected } = await connectedShop();
    await callRoute(nativeIntents.POST, { path: "/api/v1/payment-intents", headers: merchant.auth, body: validIntent }).then(({ body }) => payIntent(body.id));
    const { body } = await createPayment(collected.body.api_key, pluginOrder(15, 30));
    await payIntent(body.id);
    await drain();
    expect(receiver.received.map((hook) => hook.payload.external_id)).toEqual(["wc_15"]);
  });

  it("signs with the secret string exactly as the merchant received it, on an endpoint made by hand too", async () => {
    const merchant = await createTestMerchant();
    const { body: endpoint } = await callRoute(endpoints.POST, { path: "/api/v1/webhook-endpoints", headers: merchant.auth, body: { url: receiver.url } });
    expect(endpoint.secret).toMatch(/^whsec_/);
    const { body } = await createPayment(merchant.secretKey, pluginOrder(16, 30));
    await payIntent(body.id);
    await drain();
    expect(receiver.received).toHaveLength(1);
    expect(pluginAccepts(receiver.received[0]!, endpoint.secret)).toBe(true);
  });
});

describe("connecting a shop", () => {
  it("sends the shop back with its state untouched and a token that yields a working key, once", async () => {
    const { merchant, returnTo, token, collected } = await connectedShop();
    const back = new URL(returnTo);
    expect(back.origin + back.pathname).toBe("https://shop.example/wp-admin/admin.php");
    expect(back.search).toBe(`?page=mutopay-connect&state=Zq8x&token=${token}`);
    expect(collected.status).toBe(200);
    expect(collected.body).toEqual({ api_key: expect.any(String), webhook_secret: expect.stringMatching(/^whsec_/), merchant_email: merchant.user.email });
    expect(collected.body.api_key).not.toBe("");

    const again = await callRoute(exchange.POST, { path: "/api/connect/exchange", body: { token } });
    expect(again.status).toBe(400);
    expect(again.body).toEqual({ error: "invalid_request", message: expect.stringMatching(/unknown, already used or expired/) });
    expect((await createPayment(collected.body.api_key, pluginOrder(17, 5))).status).toBe(201);
  });

  it("refuses an unknown token, an empty one, and one that has expired", async () => {
    expect((await callRoute(exchange.POST, { path: "/api/connect/exchange", body: { token: "nope" } })).status).toBe(400);
    expect((await callRoute(exchange.POST, { path: "/api/connect/exchange", body: {} })).status).toBe(400);
    const merchant = await createTestMerchant();
    const db = await getDb();
    const { site, returnTo } = await connectSite(db, merchant.merchant.id, { id: merchant.user.id, email: merchant.user.email }, {
      return_url: "https://shop.example/back",
      webhook_url: receiver.url,
      site_name: "late.example",
    });
    await db.update(connectedSites).set({ exchangeExpiresAt: sql`now() - interval '1 second'` }).where(eq(connectedSites.id, site.id));
    const token = new URL(returnTo).searchParams.get("token")!;
    expect((await callRoute(exchange.POST, { path: "/api/connect/exchange", body: { token } })).status).toBe(400);
  });

  it("lets exactly one of many racing exchanges collect the credentials", async () => {
    const merchant = await createTestMerchant();
    const db = await getDb();
    const { returnTo } = await connectSite(db, merchant.merchant.id, { id: merchant.user.id, email: merchant.user.email }, {
      return_url: "https://shop.example/back",
      webhook_url: receiver.url,
      site_name: "race.example",
    });
    const token = new URL(returnTo).searchParams.get("token")!;
    const answers = await Promise.all(Array.from({ length: 10 }, () => callRoute(exchange.POST, { path: "/api/connect/exchange", body: { token } })));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, ...Array(9).fill(400)]);
  });

  it("says wallet_address_set only once the merchant has saved its wallet, and that a suspended merchant cannot take payments", async () => {
    const { merchant, collected } = await connectedShop();
    const ask = () => callRoute(setupStatus.GET, { path: "/api/merchant/setup-status", headers: PLUGIN_HEADERS(collected.body.api_key) });
    expect((await ask()).body).toMatchObject({ wallet_address_set: false, can_accept_payments: true });
    expect((await ask()).body.setup_needed).toContain("xpub");
    const owner = { authorization: `Bearer ${merchant.accessToken}` };
    const saved = await callRoute(merchantRoute.PATCH, {
      path: `/api/v1/merchants/${merchant.merchant.id}`,
      method: "PATCH",
      params: { id: merchant.merchant.id },
      headers: owner,
      body: { stablecoin_xpub: freshWalletXpub() },
    });
    expect(saved.status).toBe(200);
    expect((await ask()).body).toMatchObject({ wallet_address_set: true, can_accept_payments: true });
    expect((await ask()).body).not.toHaveProperty("setup_needed");
    await callRoute(merchantRoute.PATCH, {
      path: `/api/v1/merchants/${merchant.merchant.id}`,
      method: "PATCH",
      params: { id: merchant.merchant.id },
      headers: { authorization: `Bearer ${merchant.accessToken}` },
      body: { status: "suspended" },
    });
    expect(await ask()).toMatchObject({ status: 200, body: { wallet_address_set: true, can_accept_payments: false } });
    expect((await callRoute(setupStatus.GET, { path: "/api/merchant/setup-status", headers: PLUGIN_HEADERS("wrong") })).status).toBe(401);
  });

  it("revokes the key and stops the webhooks when the shop is disconnected", async () => {
    const { merchant, collected } = await connectedShop();
    const db = await getDb();
    const [site] = await db.select().from(connectedSites).where(eq(connectedSites.merchantId, merchant.merchant.id));
    await disconnectSite(db, merchant.merchant.id, site!.id);
    expect(await createPayment(collected.body.api_key, pluginOrder(18, 5))).toMatchObject({ status: 401, body: { error: "unauthorized" } });
    const { body } = await callRoute(nativeIntents.POST, { path: "/api/v1/payment-intents", headers: merchant.auth, body: validIntent });
    await payIntent(body.id);
    await drain();
    expect(receiver.received).toHaveLength(0);
  });
});
