import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "@playwright/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeStripe, type FakeStripe } from "@/lib/testing/fake-stripe/server";
import { chromiumLaunchOptions } from "../support/chromium";
import { api, lookAt, newMerchant, startKassa, type KassaProcess } from "./kassa-process";

/**
 * Live mode end to end, in a real browser against the built app: the merchant's acquirer is a
 * Stripe-compatible server on a free port (KASSA_STRIPE_API_URL), and the bank's 3-D Secure page is
 * its own, so the buyer really leaves Kassa and comes back, with JavaScript and without.
 */
let kassa: KassaProcess;
let fake: FakeStripe;
let browser: Browser;
let owner: Awaited<ReturnType<typeof newMerchant>>;
let liveKey: string;

const SHOP = "https://shop.example";

async function json(response: Response): Promise<any> {
  return response.json();
}

beforeAll(async () => {
  fake = await startFakeStripe();
  kassa = await startKassa({ KASSA_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "kassa-live-")), DATABASE_URL: "", KASSA_STRIPE_API_URL: fake.url });
  owner = await newMerchant(kassa.url);
  const bearer = { "content-type": "application/json", authorization: `Bearer ${owner.accessToken}` };
  const saved = await fetch(`${kassa.url}/api/v1/merchants/${owner.merchantId}/acquirer`, {
    method: "PUT",
    headers: bearer,
    body: JSON.stringify({ type: "stripe", secret_key: fake.secretKey, webhook_secret: fake.webhookSecret }),
  });
  expect(saved.status).toBe(200);
  const acquirer = await json(saved);
  expect(acquirer).toMatchObject({ object: "acquirer", type: "stripe", secret_key_last4: fake.secretKey.slice(-4), webhook_secret_set: true });
  expect(JSON.stringify(acquirer)).not.toContain(fake.secretKey);
  const key = await json(await fetch(`${kassa.url}/api/v1/merchants/${owner.merchantId}/api-keys`, { method: "POST", headers: bearer, body: JSON.stringify({ mode: "live" }) }));
  expect(key.secret_key).toMatch(/^sk_live_/);
  liveKey = key.secret_key;
  browser = await chromium.launch(chromiumLaunchOptions);
});

afterAll(async () => {
  await browser?.close();
  await kassa?.kill();
  await fake?.close();
});

async function liveIntent(amount: number) {
  return api(kassa.url, liveKey, "/api/v1/payment-intents", { amount, currency: "EUR", success_url: `${SHOP}/thanks`, cancel_url: `${SHOP}/cart` });
}

/** A page whose trip back to the shop ends at a stand-in shop, so the test sees where the buyer was sent. */
async function buyerPage(javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 1280, height: 900 } });
  await context.route(`${SHOP}/**`, (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<h1>Thanks from the shop</h1>" }));
  return context.newPage();
}

async function payWithCard(page: Page, number: string) {
  await page.getByLabel("Card number").fill(number);
  await page.getByLabel("Expiry (MM / YY)").fill(`12 / ${String((new Date().getFullYear() + 3) % 100).padStart(2, "0")}`);
  await page.getByLabel("Security code").fill("123");
  await page.getByLabel("Name on card").fill("Ada Buyer");
  await page.getByRole("button", { name: /^Pay / }).click();
}


describe("live mode in the browser", () => {
  it.each([
    ["with JavaScript", true],
    ["without JavaScript", false],
  ] as const)("pays a live intent through the bank's own 3-D Secure page and back, %s", async (_label, javaScriptEnabled) => {
    const intent = await liveIntent(javaScriptEnabled ? 4200 : 4300);
    expect(intent.livemode).toBe(true);
    const page = await buyerPage(javaScriptEnabled);
    await page.goto(intent.checkout_url);
    // A live buyer pays for real: no test cards offered.
    await expect(page.getByText("Test mode", { exact: false }).count()).resolves.toBe(0);
    if (javaScriptEnabled) await lookAt(page, "live-checkout");
    await payWithCard(page, "4000 0025 0000 3155");
    if (!javaScriptEnabled) {
      // A form post may not be redirected to another origin (CSP form-action): the page links to the bank.
      await page.waitForURL(`${kassa.url}/pay/${intent.id}?**`);
      await lookAt(page, "live-checkout-to-bank");
      await page.getByRole("link", { name: "Continue to your bank" }).click();
    }
    await page.waitForURL(`${fake.url}/challenge/**`);
    await page.getByRole("button", { name: "Complete authentication" }).click();
    await page.waitForURL(`${SHOP}/thanks**`);
    const paid = await api(kassa.url, liveKey, `/api/v1/payment-intents/${intent.id}`);
    expect(paid).toMatchObject({ status: "succeeded", livemode: true, amount_captured: intent.amount });
    const charged = [...fake.ledger.intents.values()].filter((entry) => entry.metadata.kassa_intent === intent.id);
    expect(charged.map((entry) => entry.status)).toEqual(["succeeded"]);
    await page.context().close();
  });

  it("shows each mode's own payments in the dashboard, with a banner for test mode, and the acquirer settings", async () => {
    const testIntent = await api(kassa.url, owner.secretKey, "/api/v1/payment-intents", { amount: 999, currency: "USD", success_url: `${SHOP}/thanks`, cancel_url: `${SHOP}/cart` });
    const buyer = await buyerPage(true);
    await buyer.goto(testIntent.checkout_url);
    await payWithCard(buyer, "4242 4242 4242 4242");
    await buyer.waitForURL(`${SHOP}/thanks**`);
    await buyer.context().close();

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${kassa.url}/dashboard/payments`);
    await page.getByLabel("Email").fill(owner.email);
    await page.getByLabel("Password").fill(owner.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${kassa.url}/dashboard/payments`);
    // The dashboard streams (loading.tsx) and React reveals it after `load`: role queries skip hidden
    // content, so counts are taken only once the payment's row is shown.
    await page.getByRole("link", { name: "$9.99" }).waitFor();
    await expect(page.getByRole("status").filter({ hasText: "Test mode." }).count()).resolves.toBe(1);
    await expect(page.getByRole("link", { name: "$9.99" }).count()).resolves.toBe(1);
    await expect(page.getByRole("link", { name: "€42.00" }).count()).resolves.toBe(0);
    await lookAt(page, "dashboard-test-mode");

    await page.getByRole("switch", { name: "Test mode" }).click();
    await page.waitForURL(`${kassa.url}/dashboard/payments`);
    await page.getByRole("link", { name: "€42.00" }).waitFor();
    await expect(page.getByRole("status").filter({ hasText: "Test mode." }).count()).resolves.toBe(0);
    await expect(page.getByRole("link", { name: "$9.99" }).count()).resolves.toBe(0);
    await lookAt(page, "dashboard-live-mode");

    await page.goto(`${kassa.url}/dashboard/settings/acquirer`);
    await page.getByText(`…${fake.secretKey.slice(-4)}`).waitFor();
    await expect(page.content()).resolves.not.toContain(fake.secretKey);
    await lookAt(page, "acquirer-settings");
    await context.close();
  });
});
