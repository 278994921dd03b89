import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { connectSite } from "@/lib/accounts/connect-site";
import { findDeposit } from "@/lib/stablecoins/open-deposit";
import { callRoute } from "@/lib/testing/call-route";
import { freshWalletXpub, useLocalChain } from "@/lib/testing/chain-world";
import { createTestMerchant } from "@/lib/testing/fixtures";
import { inEventOrder, type ReceivedWebhook } from "@/lib/testing/webhook-receiver";
import { deliverAllDue, useWebhookReceiver } from "@/lib/testing/webhook-world";
import * as exchange from "@/app/api/connect/exchange/route";
import * as setupStatus from "@/app/api/merchant/setup-status/route";
import * as merchantRoute from "@/app/api/v1/merchants/[id]/route";
import * as payPage from "@/app/pay/[id]/route";
import * as payments from "../route";
import * as status from "../[id]/status/route";

/**
 * MutoPay's WooCommerce plugin (CONTRACTS.md §1), replayed call by call against payments made in
 * USDC on a real local chain: its setup check, its order, the buyer's page, its status poll and its
 * webhook handler, each reading the real transaction hash.
 */
const world = useLocalChain({ confirmations: 2 });
const PLUGIN_HEADERS = (apiKey: string) => ({ "x-api-key": apiKey, "content-type": "application/json", "user-agent": "MutoPay-WooCommerce/1.0" });

const shop = useWebhookReceiver();

function pluginAccepts(hook: ReceivedWebhook, secret: string): boolean {
  return hook.headers["x-mutopay-signature"] === `sha256=${createHmac("sha256", secret).update(hook.body).digest("hex")}`;
}

const drain = deliverAllDue;

/** A shop connected as the plugin connects, whose owner then saves a wallet. */
async function connectedShopWithWallet() {
  const merchant = await createTestMerchant();
  const { returnTo } = await connectSite(await getDb(), merchant.merchant.id, { id: merchant.user.id, email: merchant.user.email }, {
    return_url: "https://shop.example/wp-admin/admin.php?page=mutopay-connect&state=Zq8x",
    webhook_url: shop.receiver.url,
    site_name: "shop.example",
    platform: "woocommerce",
  });
  const token = new URL(returnTo).searchParams.get("token")!;
  const collected = await callRoute(exchange.POST, { path: "/api/connect/exchange", headers: { "content-type": "application/json" }, body: { token } });
  const apiKey = collected.body.api_key as string;
  const secret = collected.body.webhook_secret as string;
  shop.receiver.trust(secret);
  const setup = () => callRoute(setupStatus.GET, { path: "/api/merchant/setup-status", headers: PLUGIN_HEADERS(apiKey) });
  // The plugin switches its gateway off until the merchant has a wallet.
  expect((await setup()).body.wallet_address_set).toBe(false);
  const saved = await callRoute(merchantRoute.PATCH, {
    path: `/api/v1/merchants/${merchant.merchant.id}`,
    method: "PATCH",
    params: { id: merchant.merchant.id },
    headers: { authorization: `Bearer ${merchant.accessToken}` },
    body: { stablecoin_xpub: freshWalletXpub() },
  });
  expect(saved.status).toBe(200);
  expect((await setup()).body.wallet_address_set).toBe(true);
  return { apiKey, secret };
}

async function order(apiKey: string, orderId: number, total: number, minutes = 60) {
  const created = await callRoute(payments.POST, {
    path: "/api/payments",
    headers: PLUGIN_HEADERS(apiKey),
    body: {
      amount: total,
      currency: "USD",
      external_id: `wc_${orderId}`,
      callback_url: `https://shop.example/checkout/order-received/${orderId}/`,
      expires_in_minutes: minutes,
      metadata: { store_url: "https://shop.example", order_number: String(orderId), items_count: 1, customer_email: "buyer@example.com" },
    },
  });
  expect(created.status).toBe(201);
  return created.body as { id: string; payment_url: string };
}

/** The buyer follows `<base_url><payment_url>`: a MutoPay payment opens on its deposit address. */
async function buyerOpens(paymentUrl: string): Promise<`0x${string}`> {
  const url = new URL(paymentUrl, "http://kassa.test");
  const id = url.pathname.split("/")[2]!;
  const page = await payPage.GET(new Request(url), { params: Promise.resolve({ id }) });
  expect(page.status).toBe(200);
  expect(await page.text()).toContain("Pay with USDC");
  return (await findDeposit(await getDb(), id))!.address as `0x${string}`;
}

const poll = (apiKey: string, id: string) => callRoute(status.GET, { path: `/api/payments/${id}/status`, params: { id }, headers: PLUGIN_HEADERS(apiKey) });

describe("the plugin with payments in USDC", () => {
  it("marks the order paid with the real transaction hash, from the status poll and from a signed payment.completed", async () => {
    const { apiKey, secret } = await connectedShopWithWallet();
    const { id, payment_url: paymentUrl } = await order(apiKey, 1042, 42.5);
    const address = await buyerOpens(paymentUrl);
    const sent = await world.chain.transfer(world.usdc, 1, address, 42_500_000n);
    await world.scan();
    expect((await poll(apiKey, id)).body).toEqual({ id, status: "pending", tx_hash: null, failure_reason: null });
    await world.chain.mine(1);
    await world.scan();
    expect((await poll(apiKey, id)).body).toEqual({ id, status: "completed", tx_hash: sent.hash, failure_reason: null });
    await drain();
    const hooks = await inEventOrder(shop.receiver.received);
    for (const hook of hooks) expect(pluginAccepts(hook, secret)).toBe(true);
    // The first is a name the plugin ignores (still waiting); the second pays the order.
    expect(hooks.map((hook) => hook.payload.event)).toEqual(["payment.pending", "payment.completed"]);
    expect(hooks[1]!.payload).toMatchObject({ event: "payment.completed", external_id: "wc_1042", tx_hash: sent.hash, failure_reason: null });
    expect(hooks[1]!.payload.data).toMatchObject({ id, status: "paid", tx_hash: sent.hash, amount_usd: 42.5 });
  });

  it("keeps an underpaid order on hold: status underpaid and a signed payment.underpaid", async () => {
    const { apiKey, secret } = await connectedShopWithWallet();
    const { id, payment_url: paymentUrl } = await order(apiKey, 1043, 10, 15);
    const address = await buyerOpens(paymentUrl);
    await world.chain.transfer(world.usdc, 2, address, 4_000_000n);
    await world.chain.mine(1);
    await world.scan();
    expect((await poll(apiKey, id)).body.status).toBe("pending");
    await world.passExpiry(id);
    await world.scan();
    expect((await poll(apiKey, id)).body).toEqual({ id, status: "underpaid", tx_hash: null, failure_reason: null });
    await drain();
    const hooks = await inEventOrder(shop.receiver.received);
    for (const hook of hooks) expect(pluginAccepts(hook, secret)).toBe(true);
    const underpaid = hooks.find((hook) => hook.payload.event === "payment.underpaid")!;
    expect(underpaid.payload).toMatchObject({ event: "payment.underpaid", external_id: "wc_1043", failure_reason: "The payment expired with 4.00 of 10.00 USDC paid" });
    expect(underpaid.payload.data).toMatchObject({ id, status: "underpaid" });
  });
});
