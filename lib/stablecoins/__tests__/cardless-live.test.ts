import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { paymentIntents, paymentLinks } from "@/db/schema";
import * as nativeIntents from "@/app/api/v1/payment-intents/route";
import * as mintroIntents from "@/app/api/platform/intents/route";
import * as paymentLinksRoute from "@/app/api/v1/payment-links/route";
import { createApiKey } from "@/lib/accounts/create-api-key";
import { setAcquirer } from "@/lib/accounts/set-acquirer";
import { setWallet } from "@/lib/stablecoins/set-wallet";
import { callRoute } from "@/lib/testing/call-route";
import { freshWalletXpub } from "@/lib/testing/chain-world";
import { createTestMerchant, validIntent } from "@/lib/testing/fixtures";
import { startStripeWorld } from "@/lib/testing/stripe-client";

/**
 * A live merchant with a wallet and no acquirer takes live money on chain alone. An intent only a
 * card can pay (recurring, or captured by hand) would leave its buyer nothing that can pay it, so
 * it is refused when it is created, in each dialect's envelope, and nothing is written.
 */
let stripeWorld: Awaited<ReturnType<typeof startStripeWorld>>;
beforeAll(async () => {
  // A live chain the server watches; nothing here reads it.
  process.env.KASSA_CHAINS = JSON.stringify([
    { name: "base", chain_id: 8453, rpc_url: "https://rpc.invalid", token_address: "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913", token_symbol: "USDC", decimals: 6, confirmations: 12 },
  ]);
  stripeWorld = await startStripeWorld();
});
afterAll(async () => {
  delete process.env.KASSA_CHAINS;
  await stripeWorld.close();
});

async function walletOnlyLiveMerchant() {
  const merchant = await createTestMerchant();
  const db = await getDb();
  await setWallet(db, merchant.merchant.id, freshWalletXpub());
  const { key, secretKey } = await createApiKey(db, merchant.merchant.id, { label: "live", mode: "live" });
  return { merchant, live: { secretKey, clientId: key.clientId, auth: { authorization: `Bearer ${secretKey}` } } };
}

const intentsOf = async (merchantId: string) => (await getDb()).select().from(paymentIntents).where(eq(paymentIntents.merchantId, merchantId));
const createNative = (auth: Record<string, string>, body: object) => callRoute(nativeIntents.POST, { path: "/api/v1/payment-intents", headers: auth, body: { ...validIntent, ...body } });

describe("a live merchant paid on chain alone", () => {
  it("takes a one-time payment, which the token can pay", async () => {
    const { merchant, live } = await walletOnlyLiveMerchant();
    const created = await createNative(live.auth, {});
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ livemode: true, status: "requires_payment_method" });
    expect(await intentsOf(merchant.merchant.id)).toHaveLength(1);
  });

  it.each([
    ["a recurring payment", { recurring: { interval_days: 30 } }, /A recurring payment is paid by card/],
    ["a payment captured by hand", { capture_method: "manual" }, /captured by hand \(manual capture\) is paid by card/],
  ])("refuses %s, saying what would make it possible, and writes nothing", async (_what, body, message) => {
    const { merchant, live } = await walletOnlyLiveMerchant();
    const refused = await createNative(live.auth, body);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: "live_mode_unavailable" });
    expect(refused.body.error.message).toMatch(message);
    expect(refused.body.error.message).toContain("PUT /api/v1/merchants/{id}/acquirer");
    expect(await intentsOf(merchant.merchant.id)).toHaveLength(0);
  });

  it("refuses a currency the token cannot be quoted in, naming the currency, and takes one it can", async () => {
    const { merchant, live } = await walletOnlyLiveMerchant();
    const refused = await createNative(live.auth, { currency: "BRL" });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: "live_mode_unavailable", param: "currency" });
    expect(refused.body.error.message).toMatch(/A payment in BRL cannot be quoted in USDC/);
    expect(await intentsOf(merchant.merchant.id)).toHaveLength(0);
    expect((await createNative(live.auth, { currency: "EUR" })).status).toBe(201);
  });

  it("refuses a change to manual capture or to such a currency through Stripe's API, and the intent stays as it was", async () => {
    const { merchant, live } = await walletOnlyLiveMerchant();
    const stripe = stripeWorld.client(live.secretKey);
    const intent = await stripe.paymentIntents.create({ amount: 2000, currency: "usd" });
    for (const change of [{ capture_method: "manual" as const }, { currency: "brl" }]) {
      const refused = await stripe.paymentIntents.update(intent.id, change).catch((error: unknown) => error);
      expect(refused).toMatchObject({ statusCode: 403, code: "live_mode_unavailable", param: Object.keys(change)[0] });
    }
    // Raw card details, as a live confirm takes them (the SDK's types leave them out).
    const card = { type: "card", card: { number: "4242424242424242", exp_month: 12, exp_year: new Date().getUTCFullYear() + 2, cvc: "123" } };
    const confirmed = await stripe.paymentIntents.confirm(intent.id, { payment_method_data: card as never, capture_method: "manual" }).catch((error: unknown) => error);
    expect(confirmed).toMatchObject({ statusCode: 403, code: "live_mode_unavailable" });
    const [row] = await intentsOf(merchant.merchant.id);
    expect(row).toMatchObject({ captureMethod: "automatic", currency: "USD", status: "requires_payment_method" });
  });

  it("refuses a live payment link in such a currency when it is made, not when a buyer opens it", async () => {
    const { merchant, live } = await walletOnlyLiveMerchant();
    const link = (currency: string) => callRoute(paymentLinksRoute.POST, { path: "/api/v1/payment-links", headers: live.auth, body: { name: "Beans", currency, amount: 1500 } });
    const refused = await link("BRL");
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: "live_mode_unavailable", param: "currency" });
    expect(await (await getDb()).select().from(paymentLinks).where(eq(paymentLinks.merchantId, merchant.merchant.id))).toHaveLength(0);
    expect((await link("USD")).status).toBe(201);
  });

  it("refuses mintro's recurring intent in mintro's envelope", async () => {
    const { merchant, live } = await walletOnlyLiveMerchant();
    const refused = await callRoute(mintroIntents.POST, {
      path: "/api/platform/intents",
      headers: { "x-client-id": live.clientId, "x-client-secret": live.secretKey },
      body: { amount: 12, currency: "USD", intent_type: "recurring", interval_days: 30, email: "a@example.com", name: "A", reference_id: `R-${Date.now()}`, integration_type: "iframe", order_items: [{ name: "Club", quantity: 1, price: 12 }] },
    });
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).toContain("A recurring payment is paid by card");
    expect(await intentsOf(merchant.merchant.id)).toHaveLength(0);
  });

  it("refuses Stripe's subscription Checkout Session as Stripe would, through the official SDK", async () => {
    const { merchant, live } = await walletOnlyLiveMerchant();
    const stripe = stripeWorld.client(live.secretKey);
    const price = { price_data: { currency: "usd", unit_amount: 1500, recurring: { interval: "month" as const }, product_data: { name: "Coffee club" } }, quantity: 1 };
    const refused = await stripe.checkout.sessions.create({ mode: "subscription", line_items: [price], success_url: "https://shop.example/welcome" }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ statusCode: 403, code: "live_mode_unavailable" });
    expect(String((refused as Error).message)).toContain("A recurring payment is paid by card");
    expect(await intentsOf(merchant.merchant.id)).toHaveLength(0);
  });

  it("takes both once the merchant has an acquirer, and a test key was never held to it", async () => {
    const { merchant, live } = await walletOnlyLiveMerchant();
    expect((await createNative(merchant.auth, { recurring: { interval_days: 30 } })).status).toBe(201);
    await setAcquirer(await getDb(), merchant.merchant.id, { type: "stripe", secret_key: "sk_live_never_called_0123456789", webhook_secret: "whsec_never_called_0123456789" });
    expect((await createNative(live.auth, { recurring: { interval_days: 30 } })).status).toBe(201);
    expect((await createNative(live.auth, { capture_method: "manual" })).status).toBe(201);
  });
});
