import { createHmac } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { paymentAttempts, paymentIntents } from "@/db/schema";
import { successRedirect } from "@/lib/checkout/redirect-urls";
import { callRoute } from "@/lib/testing/call-route";
import { createTestMerchant, futureExpiry, validIntent } from "@/lib/testing/fixtures";
import { inEventOrder, startWebhookReceiver } from "@/lib/testing/webhook-receiver";
import { deliverDueWebhooks } from "@/lib/webhooks/deliver-webhooks";
import * as intents from "@/app/api/v1/payment-intents/route";
import * as intent from "@/app/api/v1/payment-intents/[id]/route";
import * as cancel from "@/app/api/v1/payment-intents/[id]/cancel/route";
import * as capture from "@/app/api/v1/payment-intents/[id]/capture/route";
import * as voidRoute from "@/app/api/v1/payment-intents/[id]/void/route";
import * as endpoints from "@/app/api/v1/webhook-endpoints/route";
import * as publicIntent from "../payment-intents/[id]/route";
import * as publicConfirm from "../payment-intents/[id]/confirm/route";

/**
 * Seed 002's running service as its own code calls it (CONTRACTS.md §2): the demo shop's create with
 * X-API-Key, the checkout front end's public reads and confirms from another origin, and the
 * webhooks its code documents.
 */
const demoShopOrder = {
  amount: 4999,
  currency: "MAD",
  success_url: "http://localhost:3001/success",
  cancel_url: "http://localhost:3001/cart",
  order_id: "order_77",
  description: "Babouches",
  customer_email: "buyer@example.com",
  metadata: { cart: "3 items" },
};

const create = (apiKey: string, body: unknown = demoShopOrder) =>
  callRoute(intents.POST, { path: "/api/v1/payment-intents", headers: { "x-api-key": apiKey }, body });

/** The front end's fetches: from another origin, the client secret in X-Client-Secret. */
const readPublic = (id: string, headers: Record<string, string> = {}) =>
  callRoute(publicIntent.GET, { path: `/api/public/payment-intents/${id}`, params: { id }, headers: { origin: "https://checkout.example", ...headers } });

const card = (number: string) => ({ number, cardholder_name: "Ada Buyer", ...futureExpiry(), cvv: "123" });
const confirm = (id: string, secret: string, number = "4242424242424242", extra: Record<string, unknown> = {}) =>
  callRoute(publicConfirm.POST, {
    path: `/api/public/payment-intents/${id}/confirm`,
    params: { id },
    headers: { origin: "https://checkout.example", "x-client-secret": secret },
    body: { card: card(number), ...extra },
  });

let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

beforeAll(async () => {
  process.env.KASSA_ALLOW_PRIVATE_WEBHOOKS = "1";
  receiver = await startWebhookReceiver();
});
afterAll(() => receiver.close());
afterEach(() => void (receiver.received.length = 0));

describe("the merchant server and demo shop (X-API-Key)", () => {
  it("creates an intent and answers 200 {success, data} with a checkout_url and a pi_secret_ client secret", async () => {
    const { secretKey } = await createTestMerchant();
    const response = await create(secretKey);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      success: true,
      data: {
        id: expect.stringMatching(/^pi_\w+$/),
        status: "awaiting_payment_method",
        amount: 4999,
        currency: "MAD",
        checkout_url: expect.stringMatching(/^http:\/\/kassa\.test\/pay\/pi_\w+\?client_secret=pi_secret_/),
        expires_at: expect.any(String),
        created_at: expect.any(String),
      },
    });
    // The checkout front end refuses a secret that does not start with pi_secret_ or is 20 characters or fewer.
    expect(response.body.data.client_secret).toMatch(/^pi_secret_\w{11,}$/);
  });

  it("reads and cancels in the same shape, and answers errors as {success: false, error}", async () => {
    const { secretKey } = await createTestMerchant();
    const { body } = await create(secretKey);
    const id = body.data.id as string;
    const read = await callRoute(intent.GET, { path: `/api/v1/payment-intents/${id}`, params: { id }, headers: { "x-api-key": secretKey } });
    expect(read.body).toMatchObject({ success: true, data: { id, status: "awaiting_payment_method", order_id: "order_77" } });
    const canceled = await callRoute(cancel.POST, { path: `/api/v1/payment-intents/${id}/cancel`, params: { id }, headers: { "x-api-key": secretKey } });
    expect(canceled.body).toMatchObject({ success: true, data: { id, status: "canceled" } });

    expect(await create(secretKey, { ...demoShopOrder, amount: 49.99 })).toMatchObject({
      status: 400,
      body: { success: false, error: "amount must be an integer in the currency's minor unit (cents): send 9999 for 99.99" },
    });
    expect(await create("pk_wrong")).toMatchObject({ status: 401, body: { success: false, error: "Invalid API key provided." } });
    const unknown = await callRoute(intent.GET, { path: "/api/v1/payment-intents/pi_nope", params: { id: "pi_nope" }, headers: { "x-api-key": secretKey } });
    expect(unknown).toMatchObject({ status: 404, body: { success: false, error: "No such payment_intent: 'pi_nope'" } });
  });

  it("keeps seed 002's documented shape for Authorization: Bearer", async () => {
    const merchant = await createTestMerchant();
    const response = await callRoute(intents.POST, { path: "/api/v1/payment-intents", headers: merchant.auth, body: validIntent });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ object: "payment_intent", status: "requires_payment_method" });
    expect(response.body.client_secret).toMatch(new RegExp(`^${response.body.id}_secret_`));
  });

  it("sends the buyer back with the id where the demo shop's success page looks for it", async () => {
    const { secretKey } = await createTestMerchant();
    const { body } = await create(secretKey);
    const db = await getDb();
    const [row] = await db.select().from(paymentIntents).where(eq(paymentIntents.id, body.data.id));
    const back = new URL(successRedirect(row!)!);
    expect(back.searchParams.get("payment-intents_id")).toBe(body.data.id);
    expect(back.searchParams.get("payment_intent")).toBe(body.data.id);
  });
});

describe("the checkout front end (public API)", () => {
  it("answers a CORS preflight from any origin, allowing X-Client-Secret", async () => {
    for (const route of [publicIntent, publicConfirm]) {
      const response = await route.OPTIONS(new Request("http://kassa.test/api/public/payment-intents/pi_1", { method: "OPTIONS" }), { params: Promise.resolve({}) });
      expect(response.status).toBe(204);
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      expect(response.headers.get("access-control-allow-headers")).toMatch(/x-client-secret/);
    }
  });

  it("reads an intent with its client secret, or by id alone as the demo shop's success page does", async () => {
    const { secretKey } = await createTestMerchant();
    const { body } = await create(secretKey);
    const { id, client_secret: secret } = body.data;
    const withSecret = await readPublic(id, { "x-client-secret": secret });
    expect(withSecret.status).toBe(200);
    expect(withSecret.headers.get("access-control-allow-origin")).toBe("*");
    expect(withSecret.body).toEqual({
      success: true,
      data: {
        id,
        status: "awaiting_payment_method",
        amount: 4999,
        currency: "MAD",
        description: "Babouches",
        success_url: demoShopOrder.success_url,
        cancel_url: demoShopOrder.cancel_url,
        expires_at: body.data.expires_at,
        created_at: body.data.created_at,
      },
    });
    expect((await readPublic(id)).body.data.status).toBe("awaiting_payment_method");
    expect(await readPublic(id, { "x-client-secret": "pi_secret_wrongwrongwrong" })).toMatchObject({ status: 401, body: { success: false } });
  });

  it("does not let an intent of another dialect be read without its secret", async () => {
    const merchant = await createTestMerchant();
    const { body } = await callRoute(intents.POST, { path: "/api/v1/payment-intents", headers: merchant.auth, body: validIntent });
    expect((await readPublic(body.id)).status).toBe(401);
    expect((await readPublic(body.id, { "x-client-secret": body.client_secret })).body.data.status).toBe("awaiting_payment_method");
  });

  it("declines with 402, a text error, the code and the attempts left; pays with captured and the card", async () => {
    const { secretKey } = await createTestMerchant();
    const { body } = await create(secretKey);
    const { id, client_secret: secret } = body.data;
    const declined = await confirm(id, secret, "4000000000000127");
    expect(declined.status).toBe(402);
    expect(declined.headers.get("access-control-allow-origin")).toBe("*");
    expect(declined.body).toEqual({ success: false, error: expect.stringMatching(/CVC/), code: "N7", remaining_attempts: 4 });
    expect(typeof declined.body.error).toBe("string");

    const paid = await confirm(id, secret, "4242424242424242", { customer_email: "late@example.com" });
    expect(paid.status).toBe(200);
    expect(paid.body).toEqual({ success: true, data: { id, status: "captured", amount: 4999, currency: "MAD", card_brand: "visa", card_last4: "4242" } });
    expect((await readPublic(id, { "x-client-secret": secret })).body.data.status).toBe("captured");
    // The merchant sent an email already; the buyer's does not replace it.
    const db = await getDb();
    const [row] = await db.select().from(paymentIntents).where(eq(paymentIntents.id, id));
    expect(row!.customerEmail).toBe("buyer@example.com");
  });

  it("declines a card whose bank asks for 3-D Secure with a 402, since its front end cannot show the challenge", async () => {
    const { secretKey } = await createTestMerchant();
    const { body } = await create(secretKey);
    const { id, client_secret: secret } = body.data;
    const declined = await confirm(id, secret, "4000002760003184");
    expect(declined.status).toBe(402);
    expect(declined.body).toEqual({ success: false, error: expect.stringMatching(/authenticate/), code: "authentication_required", remaining_attempts: 4 });
    expect((await readPublic(id, { "x-client-secret": secret })).body.data.status).toBe("awaiting_payment_method");
    const db = await getDb();
    const attempts = await db.select().from(paymentAttempts).where(eq(paymentAttempts.intentId, id));
    expect(attempts.map((attempt) => [attempt.status, attempt.declineCode])).toEqual([["declined", "authentication_required"]]);
    expect((await confirm(id, secret)).body.data.status).toBe("captured");
  });

  it("takes the secret from ?client_secret= too, and refuses a wrong one with 401", async () => {
    const { secretKey } = await createTestMerchant();
    const { body } = await create(secretKey, { ...demoShopOrder, capture_method: "manual", customer_email: undefined });
    const { id, client_secret: secret } = body.data;
    const wrong = await confirm(id, "pi_secret_notthisonenotthisone");
    expect(wrong).toMatchObject({ status: 401, body: { success: false, error: expect.any(String) } });
    const paid = await callRoute(publicConfirm.POST, {
      path: `/api/public/payment-intents/${id}/confirm?client_secret=${secret}`,
      params: { id },
      body: { card: card("5555555555554444"), customer_email: "buyer2@example.com" },
    });
    expect(paid.body).toMatchObject({ success: true, data: { status: "authorized", card_brand: "mastercard", card_last4: "4444" } });
    // Kept apart from what the merchant sent, so a buyer's later correction replaces only their own.
    const db = await getDb();
    const [row] = await db.select().from(paymentIntents).where(eq(paymentIntents.id, id));
    expect(row).toMatchObject({ customerEmail: null, buyerEmail: "buyer2@example.com" });
  });

  it("answers 410 once the intent is out of attempts or expired, and 422 once paid", async () => {
    const { secretKey } = await createTestMerchant();
    const { body: failing } = await create(secretKey);
    const answers = [];
    for (let attempt = 0; attempt < 5; attempt++) answers.push(await confirm(failing.data.id, failing.data.client_secret, "4000000000009995"));
    expect(answers.map((answer) => [answer.status, answer.body.remaining_attempts])).toEqual([
      [402, 4],
      [402, 3],
      [402, 2],
      [402, 1],
      [402, 0],
    ]);
    expect(await confirm(failing.data.id, failing.data.client_secret)).toMatchObject({ status: 410, body: { success: false } });

    const { body: lapsed } = await create(secretKey);
    const db = await getDb();
    await db.update(paymentIntents).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(paymentIntents.id, lapsed.data.id));
    expect((await confirm(lapsed.data.id, lapsed.data.client_secret)).status).toBe(410);
    expect((await readPublic(lapsed.data.id)).body.data.status).toBe("expired");

    const { body: paid } = await create(secretKey);
    await confirm(paid.data.id, paid.data.client_secret);
    expect((await confirm(paid.data.id, paid.data.client_secret)).status).toBe(422);
  });

  it("charges once however many confirms race", async () => {
    const { secretKey } = await createTestMerchant();
    const { body } = await create(secretKey);
    const answers = await Promise.all(Array.from({ length: 12 }, () => confirm(body.data.id, body.data.client_secret)));
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    for (const answer of answers) expect(answer.status).toBeLessThan(500);
    const db = await getDb();
    const attempts = await db.select().from(paymentAttempts).where(eq(paymentAttempts.intentId, body.data.id));
    expect(attempts.filter((attempt) => attempt.status === "succeeded")).toHaveLength(1);
  });
});

describe("its webhooks", () => {
  it("carry X-Webhook-Signature (hex of the raw body) and X-Webhook-Timestamp, with the service's body and events", async () => {
    const merchant = await createTestMerchant();
    const { body: endpoint } = await callRoute(endpoints.POST, { path: "/api/v1/webhook-endpoints", headers: merchant.auth, body: { url: receiver.url } });
    receiver.trust(endpoint.secret);
    const { body: auto } = await create(merchant.secretKey);
    await confirm(auto.data.id, auto.data.client_secret, "4000000000000069");
    await confirm(auto.data.id, auto.data.client_secret);
    const { body: held } = await create(merchant.secretKey, { ...demoShopOrder, capture_method: "manual" });
    await confirm(held.data.id, held.data.client_secret);
    await callRoute(capture.POST, { path: `/api/v1/payment-intents/${held.data.id}/capture`, params: { id: held.data.id }, headers: merchant.auth, body: {} });
    const { body: released } = await create(merchant.secretKey, { ...demoShopOrder, capture_method: "manual" });
    await confirm(released.data.id, released.data.client_secret);
    await callRoute(voidRoute.POST, { path: `/api/v1/payment-intents/${released.data.id}/void`, params: { id: released.data.id }, headers: merchant.auth, body: {} });

    const db = await getDb();
    while ((await deliverDueWebhooks(db)) > 0);
    const hooks = await inEventOrder(receiver.received);
    for (const hook of hooks) {
      const expected = createHmac("sha256", endpoint.secret).update(hook.body).digest("hex");
      expect(hook.headers["x-webhook-signature"]).toBe(expected);
      expect(hook.headers["x-webhook-timestamp"]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
      expect(hook.verifiedWith).toEqual([endpoint.secret]);
      expect(Object.keys(hook.payload).sort()).toEqual(["data", "event", "id", "sequence", "timestamp"]);
    }
    expect(hooks.map((hook) => [hook.payload.event, hook.payload.data.payment_id, hook.payload.data.status])).toEqual([
      ["payment.failed", auto.data.id, "awaiting_payment_method"],
      ["payment.captured", auto.data.id, "captured"],
      ["payment.authorized", held.data.id, "authorized"],
      ["payment.captured", held.data.id, "captured"],
      ["payment.authorized", released.data.id, "authorized"],
      ["payment.voided", released.data.id, "canceled"],
    ]);
    expect(hooks[1]!.payload.data).toMatchObject({ merchant_id: merchant.merchant.id, amount: 4999, currency: "MAD", card_brand: "visa", card_last4: "4242" });
  });
});
