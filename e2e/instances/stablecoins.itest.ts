import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "@playwright/test";
import { getAddress, type Address } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshWalletXpub } from "@/lib/testing/chain-world";
import { startLocalChain, type LocalChain } from "@/lib/testing/local-chain";
import { chromiumLaunchOptions } from "../support/chromium";
import { startMerchantSite, type MerchantSite } from "../support/parent-site";
import { api, lookAt, newMerchant, startKassa, waitFor, type KassaProcess } from "./kassa-process";

/** Signs in on the dashboard's own page, as the owner would. */
async function signIn(page: Page, email: string, password: string) {
  await page.goto("/dashboard");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === "/dashboard");
}

/**
 * Paying with USDC in a real browser against the built app, watching a real local chain (anvil):
 * the panel a buyer sees while waiting, while the confirmations come in and once paid, in English
 * and in German, with JavaScript (it follows the payment live) and without (each reload says where
 * it stands), and framed in a merchant's page, which hears the outcome.
 */
const CONFIRMATIONS = 3;
let chain: LocalChain;
let usdc: Address;
let kassa: KassaProcess;
let browser: Browser;
let site: MerchantSite;
let owner: Awaited<ReturnType<typeof newMerchant>>;

beforeAll(async () => {
  chain = await startLocalChain();
  usdc = await chain.deployToken();
  site = await startMerchantSite();
  const chains = [{ name: "anvil", chain_id: chain.chainId, rpc_url: chain.rpcUrl, token_address: usdc, token_symbol: "USDC", decimals: 6, confirmations: CONFIRMATIONS, mode: "test", poll_ms: 200 }];
  kassa = await startKassa({ KASSA_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "kassa-usdc-")), DATABASE_URL: "", KASSA_CHAINS: JSON.stringify(chains) });
  owner = await newMerchant(kassa.url);
  const saved = await fetch(`${kassa.url}/api/v1/merchants/${owner.merchantId}`, {
    method: "PATCH",
    headers: { "content-type": "application/json", authorization: `Bearer ${owner.accessToken}` },
    body: JSON.stringify({ stablecoin_xpub: freshWalletXpub(), allowed_origins: [site.origin] }),
  });
  expect(saved.status).toBe(200);
  browser = await chromium.launch(chromiumLaunchOptions);
});

afterAll(async () => {
  await browser?.close();
  await kassa?.kill();
  await site?.close();
  await chain?.stop();
});

/** A MutoPay payment as the WooCommerce plugin makes it; without a callback the buyer stays on Kassa's page once paid. */
async function mutopayPayment(body: Record<string, unknown> = {}): Promise<{ id: string; payment_url: string }> {
  const response = await fetch(`${kassa.url}/api/payments`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-api-key": owner.secretKey },
    body: JSON.stringify({ amount: 25, currency: "USD", external_id: "wc_77", expires_in_minutes: 60, ...body }),
  });
  expect(response.status).toBe(201);
  return response.json() as Promise<{ id: string; payment_url: string }>;
}

async function buyerPage(options: { javaScriptEnabled?: boolean; locale?: string } = {}): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true, locale: options.locale ?? "en-US", viewport: { width: 1280, height: 900 } });
  return context.newPage();
}


const depositAddress = async (page: Page) => (await page.locator("#stablecoin-address").textContent())!.trim() as Address;

describe("the operator's KASSA_CHAINS", () => {
  it("stops start-up with a message naming the field when it is malformed", async () => {
    const chains = JSON.stringify([{ name: "base", chain_id: 8453, rpc_url: "https://mainnet.base.org", token_address: "0x1234", token_symbol: "USDC", decimals: 6, confirmations: 12 }]);
    const started = startKassa({ KASSA_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "kassa-bad-chains-")), DATABASE_URL: "", KASSA_CHAINS: chains });
    await expect(started).rejects.toThrow(/cannot start: KASSA_CHAINS\[0\]\.token_address: must be a 0x… contract address/);
  });
});

describe("paying with USDC on the hosted page", () => {
  it("leads a MutoPay payment with the token and follows it live: waiting, n of m confirmations, paid", async () => {
    const { id, payment_url: paymentUrl } = await mutopayPayment();
    const page = await buyerPage();
    await page.goto(`${kassa.url}${paymentUrl}`);
    await expect.poll(() => page.getByRole("heading", { name: "Pay with USDC on anvil" }).isVisible()).toBe(true);
    expect(await page.locator("#stablecoin-amount").textContent()).toBe("25.00 USDC");
    const address = await depositAddress(page);
    const uri = await page.locator("#stablecoin-open-wallet").getAttribute("href");
    expect(uri).toBe(`ethereum:${getAddress(usdc)}@${chain.chainId}/transfer?address=${address}&uint256=25000000`);
    expect(await page.locator("#stablecoin-panel svg").count()).toBe(1);
    await page.getByText("Waiting for your payment…").waitFor();
    await page.getByRole("link", { name: "Pay by card instead" }).waitFor();
    await lookAt(page, "usdc-waiting-en");

    const sent = await chain.transfer(usdc, 1, address, 25_000_000n);
    await page.getByText("Payment received, confirming…").waitFor();
    await page.getByText(`Payment seen: 1 of ${CONFIRMATIONS} confirmations.`).waitFor();
    await chain.mine(1);
    await page.getByText(`Payment seen: 2 of ${CONFIRMATIONS} confirmations.`).waitFor();
    await lookAt(page, "usdc-confirming-en");
    await chain.mine(1);
    await page.getByText("Payment successful").waitFor();
    await page.getByText(sent.hash).waitFor();
    await lookAt(page, "usdc-paid-en");

    const status = await fetch(`${kassa.url}/api/payments/${id}/status`, { headers: { "x-api-key": owner.secretKey } }).then((response) => response.json());
    expect(status).toEqual({ id, status: "completed", tx_hash: sent.hash, failure_reason: null });
    await page.context().close();
  });

  it("speaks the buyer's language, and asks for the rest of an underpayment on reload without JavaScript", async () => {
    const { payment_url: paymentUrl } = await mutopayPayment({ locale: "de", amount: 12.5 });
    const page = await buyerPage({ javaScriptEnabled: false, locale: "de-DE" });
    await page.goto(`${kassa.url}${paymentUrl}`);
    await page.getByRole("heading", { name: "Mit USDC im Netzwerk anvil bezahlen" }).waitFor();
    await page.getByText("Wir warten auf Ihre Zahlung …").waitFor();
    await lookAt(page, "usdc-waiting-de");
    const address = await depositAddress(page);
    await chain.transfer(usdc, 2, address, 5_000_000n);
    await waitFor(async () => {
      await page.reload();
      return page.getByText("5.00 USDC erhalten. Senden Sie die restlichen 7.50 USDC an dieselbe Adresse.").isVisible();
    }, 20_000, "the partial payment shown on reload");
    expect(await page.locator("#stablecoin-amount").textContent()).toBe("7.50 USDC");
    expect(await page.locator("#stablecoin-open-wallet").getAttribute("href")).toContain("uint256=7500000");
    // Once money arrived on chain, the card is no longer offered.
    expect(await page.getByRole("link", { name: "Stattdessen mit Karte bezahlen" }).count()).toBe(0);
    await chain.transfer(usdc, 2, address, 7_500_000n);
    await waitFor(async () => {
      await page.reload();
      return page.getByText("Zahlung erhalten, wird bestätigt …").isVisible();
    }, 20_000, "the confirming screen on reload");
    await lookAt(page, "usdc-confirming-de");
    await chain.mine(CONFIRMATIONS);
    await waitFor(async () => {
      await page.reload();
      return page.getByText("Zahlung erfolgreich").isVisible();
    }, 20_000, "the paid screen on reload");
    await lookAt(page, "usdc-paid-de");
    await page.context().close();
  });

  it("shows the merchant what arrived on chain (overpaid, paid late) and records a refund sent from its wallet", async () => {
    const { id, payment_url: paymentUrl } = await mutopayPayment({ amount: 20 });
    const buyer = await buyerPage();
    await buyer.goto(`${kassa.url}${paymentUrl}`);
    const address = await depositAddress(buyer);
    await buyer.context().close();
    const paid = await chain.transfer(usdc, 1, address, 20_500_000n);
    await chain.mine(CONFIRMATIONS - 1);
    await waitFor(async () => (await (await fetch(`${kassa.url}/api/payments/${id}/status`, { headers: { "x-api-key": owner.secretKey } })).json()).status === "completed", 20_000, "the payment to complete");
    // Sent again after the payment was complete: kept, shown, never counted.
    await chain.transfer(usdc, 1, address, 3_000_000n);

    const context = await browser.newContext({ baseURL: kassa.url, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, owner.email, owner.password);
    await page.goto(`/dashboard/payments/${id}`);
    const card = page.locator("section", { has: page.getByRole("heading", { name: "Paid on chain" }) });
    await expect.poll(async () => {
      await page.reload();
      return card.getByText("paid late").first().isVisible();
    }, { timeout: 20_000 }).toBe(true);
    await card.getByText("The buyer sent 0.50 USDC more than the amount").waitFor();
    await card.getByText("3.00 USDC arrived after this payment closed").waitFor();
    await page.getByText(paid.hash).first().waitFor();
    await lookAt(page, "dashboard-onchain-payment");

    const refund = await chain.transfer(usdc, 1, chain.accounts[2]!, 5_000_000n);
    await page.getByRole("button", { name: "Record a refund" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Amount (USD)").fill("5.00");
    await dialog.getByLabel("Transaction hash of your refund").fill(refund.hash);
    await dialog.getByRole("button", { name: "Record refund" }).click();
    await page.getByText("$5.00 was refunded.").waitFor();
    await page.reload();
    await page.getByText(`Sent from your wallet in ${refund.hash}`).waitFor();
    await context.close();
  });

  it("offers the token beside the card on another dialect's checkout, and a framing merchant page hears the payment succeed", async () => {
    const intent = await api(kassa.url, owner.secretKey, "/api/v1/payment-intents", {
      amount: 1999,
      currency: "USD",
      success_url: `${site.origin}/thanks`,
      cancel_url: `${site.origin}/cart`,
      ui_mode: "embedded",
      reference_id: "ORDER-USDC-1",
    });
    const page = await buyerPage();
    await page.goto(`${site.origin}/frame?checkout=${encodeURIComponent(intent.checkout_url)}`);
    const frame = page.frameLocator("iframe[title=Checkout]");
    await frame.getByRole("heading", { name: "Pay with card" }).waitFor();
    await frame.getByRole("button", { name: /Pay with USDC/ }).click();
    await frame.getByRole("heading", { name: "Pay with USDC on anvil" }).waitFor();
    expect(await frame.locator("#stablecoin-amount").textContent()).toBe("19.99 USDC");
    const address = (await frame.locator("#stablecoin-address").textContent())!.trim() as Address;
    const sent = await chain.transfer(usdc, 3, address, 19_990_000n);
    await chain.mine(CONFIRMATIONS - 1);
    await frame.getByText("Payment successful").waitFor();
    const heard = async () => (await page.locator("#events li").allTextContents()).map((text) => JSON.parse(text).data).filter((data) => data.event !== "resize");
    await expect.poll(async () => (await heard()).map((data) => data.event)).toContain("payment.success");
    const success = (await heard()).find((data) => data.event === "payment.success");
    expect(success).toMatchObject({ intent_id: intent.id, client_reference_id: "ORDER-USDC-1", status: "succeeded", tx_hash: sent.hash });
    await page.context().close();
  });
});
