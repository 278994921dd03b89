import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { HDKey } from "viem/accounts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { merchants, paymentIntents, stablecoinDeposits } from "@/db/schema";
import * as merchantRoute from "@/app/api/v1/merchants/[id]/route";
import * as nativeIntents from "@/app/api/v1/payment-intents/route";
import * as setupStatus from "@/app/api/merchant/setup-status/route";
import * as health from "@/app/api/health/route";
import * as buyerStablecoin from "@/app/pay/[id]/stablecoin/route";
import { acceptInvitation, inviteMember } from "@/lib/accounts/team";
import { registerUser } from "@/lib/accounts/register-user";
import { issueAccessToken } from "@/lib/accounts/access-token";
import { expireDueIntents } from "@/lib/intents/expire-intent";
import { updateIntent } from "@/lib/intents/update-intent";
import { callRoute } from "@/lib/testing/call-route";
import { freshWalletXpub, readIntent } from "@/lib/testing/chain-world";
import { createTestMerchant, TEST_PASSWORD, validIntent, type TestMerchant } from "@/lib/testing/fixtures";
import { configuredChains, parseChains } from "../chains";
import { findDeposit, openDeposit } from "../open-deposit";
import { readChainOnce } from "../watch-chains";
import { depositAddress } from "../wallet-key";

// A chain nobody answers on: these tests need its configuration, never its RPC (but for the failing one).
const TOKEN = "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48";
beforeAll(() => {
  process.env.KASSA_CHAINS = JSON.stringify([{ name: "base-sepolia", chain_id: 84532, rpc_url: "http://127.0.0.1:9/rpc?key=secret-provider-key", token_address: TOKEN, token_symbol: "USDC", decimals: 6, confirmations: 5, mode: "test" }]);
});
afterAll(() => {
  delete process.env.KASSA_CHAINS;
});

const patchMerchant = (merchant: TestMerchant, body: unknown, token = merchant.accessToken) =>
  callRoute(merchantRoute.PATCH, { path: `/api/v1/merchants/${merchant.merchant.id}`, method: "PATCH", params: { id: merchant.merchant.id }, headers: { authorization: `Bearer ${token}` }, body });

async function openIntent(merchant: TestMerchant, extra: Record<string, unknown> = {}) {
  const created = await callRoute(nativeIntents.POST, { path: "/api/v1/payment-intents", headers: merchant.auth, body: { ...validIntent, ...extra } });
  expect(created.status).toBe(201);
  return readIntent(created.body.id);
}

const merchantRow = async (id: string) => (await (await getDb()).select().from(merchants).where(eq(merchants.id, id)))[0]!;

describe("the merchant's wallet", () => {
  it("is saved by the owner, shown with its first address, and makes wallet_address_set true; null removes it", async () => {
    const merchant = await createTestMerchant();
    const xpub = freshWalletXpub();
    const saved = await patchMerchant(merchant, { stablecoin_xpub: ` ${xpub} ` });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ stablecoin_xpub: xpub, stablecoin_first_address: depositAddress(xpub, 0) });
    const status = () => callRoute(setupStatus.GET, { path: "/api/merchant/setup-status", headers: { "x-api-key": merchant.secretKey } });
    expect((await status()).body).toMatchObject({ wallet_address_set: true, stablecoin_payments: true });
    expect((await patchMerchant(merchant, { stablecoin_xpub: null })).body).toMatchObject({ stablecoin_xpub: null, stablecoin_first_address: null });
    expect((await status()).body).toMatchObject({ wallet_address_set: false, stablecoin_payments: false });
  });

  it("is refused, writing nothing, when it is a private key, not a key at all, another merchant's, or set by an admin", async () => {
    const merchant = await createTestMerchant();
    const xprv = HDKey.fromMasterSeed(Buffer.alloc(32, 7)).derive("m/44'/60'/0'").privateExtendedKey;
    const privateKey = await patchMerchant(merchant, { stablecoin_xpub: xprv });
    expect(privateKey.status).toBe(400);
    expect(privateKey.body.error).toMatchObject({ code: "parameter_invalid", param: "stablecoin_xpub" });
    expect(privateKey.body.error.message).toMatch(/private key/);
    expect(JSON.stringify(privateKey.body)).not.toContain(xprv);
    for (const bad of ["xpub", "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", 42, "x".repeat(500)]) {
      const refused = await patchMerchant(merchant, { stablecoin_xpub: bad });
      expect(refused.status, String(bad)).toBe(400);
    }
    const other = await createTestMerchant();
    const shared = freshWalletXpub();
    expect((await patchMerchant(other, { stablecoin_xpub: shared })).status).toBe(200);
    const taken = await patchMerchant(merchant, { stablecoin_xpub: shared, display_name: "Not saved either" });
    expect(taken.status).toBe(400);
    expect(taken.body.error.message).toMatch(/another merchant/);
    expect(await merchantRow(merchant.merchant.id)).toMatchObject({ stablecoinXpub: null, displayName: null });

    const db = await getDb();
    const admin = await registerUser(db, { email: `admin-${randomUUID()}@example.com`, password: TEST_PASSWORD, name: "Admin" });
    const { token } = await inviteMember(db, "owner", merchant.merchant.id, merchant.user.id, admin.email, "admin");
    await acceptInvitation(db, token, admin.id);
    const byAdmin = await patchMerchant(merchant, { stablecoin_xpub: freshWalletXpub() }, await issueAccessToken(admin.id));
    expect(byAdmin.status).toBe(403);
    expect((await merchantRow(merchant.merchant.id)).stablecoinXpub).toBeNull();
  });
});

describe("deposit addresses", () => {
  it("are derived in turn from the merchant's key, one per intent however many ask at once, never reused", async () => {
    const merchant = await createTestMerchant();
    const xpub = freshWalletXpub();
    await patchMerchant(merchant, { stablecoin_xpub: xpub });
    const db = await getDb();
    const intent = await openIntent(merchant);
    const row = await merchantRow(merchant.merchant.id);
    const opened = await Promise.all(Array.from({ length: 8 }, () => openDeposit(db, intent, row)));
    expect(new Set(opened.map((deposit) => deposit.address))).toEqual(new Set([depositAddress(xpub, 0)]));
    expect((await merchantRow(merchant.merchant.id)).stablecoinNextIndex).toBe(1);
    const second = await openDeposit(db, await openIntent(merchant), row);
    expect(second).toMatchObject({ address: depositAddress(xpub, 1), derivationIndex: 1, amountDue: "99990000", rate: "1", tokenSymbol: "USDC", chainId: 84532 });
    // A wallet set again later carries on from where the index was: no address is handed out twice.
    await patchMerchant(merchant, { stablecoin_xpub: null });
    await patchMerchant(merchant, { stablecoin_xpub: xpub });
    const third = await openDeposit(db, await openIntent(merchant), await merchantRow(merchant.merchant.id));
    expect(third.derivationIndex).toBe(2);
  });

  it("skip an address an earlier payment has when the wallet moved to another merchant, and the checkout still opens", async () => {
    const [first, second] = [await createTestMerchant(), await createTestMerchant()];
    const xpub = freshWalletXpub();
    const db = await getDb();
    await patchMerchant(first, { stablecoin_xpub: xpub });
    const before = await openDeposit(db, await openIntent(first), await merchantRow(first.merchant.id));
    expect(before.address).toBe(depositAddress(xpub, 0));
    await patchMerchant(first, { stablecoin_xpub: null });
    expect((await patchMerchant(second, { stablecoin_xpub: xpub })).status).toBe(200);
    const intent = await openIntent(second);
    const after = await openDeposit(db, intent, await merchantRow(second.merchant.id));
    expect(after).toMatchObject({ address: depositAddress(xpub, 1), derivationIndex: 1 });
    expect((await merchantRow(second.merchant.id)).stablecoinNextIndex).toBe(2);
    // The buyer's page leads with the token (MutoPay) or offers it: neither fails.
    const page = await callRoute(buyerStablecoin.GET, { path: `/pay/${intent.id}/stablecoin?client_secret=${intent.clientSecret}`, params: { id: intent.id } });
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ address: depositAddress(xpub, 1) });
  });

  it("converts another currency at the kept rate, rounded up to the token's decimals", async () => {
    const merchant = await createTestMerchant();
    await patchMerchant(merchant, { stablecoin_xpub: freshWalletXpub() });
    const intent = await openIntent(merchant, { amount: 1001, currency: "EUR" });
    const deposit = await openDeposit(await getDb(), intent, await merchantRow(merchant.merchant.id));
    // 10.01 EUR at 1.0850 = 10.86085 USD.
    expect(deposit).toMatchObject({ rate: "1.0850", amountDue: "10860850" });
  });

  it("quote the intent's amount as it stands, which can no longer change once an address is given", async () => {
    const merchant = await createTestMerchant();
    await patchMerchant(merchant, { stablecoin_xpub: freshWalletXpub() });
    const db = await getDb();
    const intent = await openIntent(merchant);
    // Changed before the buyer chose the token: the new amount is the one quoted.
    await updateIntent(db, merchant.merchant.id, intent.id, { amount: 5000 });
    const deposit = await openDeposit(db, intent, await merchantRow(merchant.merchant.id));
    expect(deposit.amountDue).toBe("50000000");
    await expect(updateIntent(db, merchant.merchant.id, intent.id, { amount: 100 })).rejects.toThrow(/deposit address has been given/);
    await expect(updateIntent(db, merchant.merchant.id, intent.id, { currency: "EUR" })).rejects.toThrow(/deposit address has been given/);
    expect(await readIntent(intent.id)).toMatchObject({ amount: 5000, currency: "USD" });
    // Its notes may still change.
    expect((await updateIntent(db, merchant.merchant.id, intent.id, { description: "Order 7" })).description).toBe("Order 7");
  });

  it("are refused, and none is made, when the intent cannot be paid on chain", async () => {
    const db = await getDb();
    const noWallet = await createTestMerchant();
    const intent = await openIntent(noWallet);
    await expect(openDeposit(db, intent, await merchantRow(noWallet.merchant.id))).rejects.toThrow(/no wallet/);
    const merchant = await createTestMerchant();
    await patchMerchant(merchant, { stablecoin_xpub: freshWalletXpub() });
    const row = await merchantRow(merchant.merchant.id);
    const canceled = await openIntent(merchant);
    await db.update(paymentIntents).set({ status: "canceled" }).where(eq(paymentIntents.id, canceled.id));
    await expect(openDeposit(db, await readIntent(canceled.id), row)).rejects.toThrow(/can no longer be paid/);
    // Raced: the intent closed between the read and the write.
    const manual = await openIntent(merchant, { capture_method: "manual" });
    await expect(openDeposit(db, manual, row)).rejects.toThrow(/captured later is paid by card/);
    const raced = await openIntent(merchant);
    await db.update(paymentIntents).set({ status: "canceled" }).where(eq(paymentIntents.id, raced.id));
    await expect(openDeposit(db, raced, row)).rejects.toThrow(/can no longer be paid/);
    expect(await findDeposit(db, raced.id)).toBeNull();
    expect((await merchantRow(merchant.merchant.id)).stablecoinNextIndex).toBe(0);
  });
});

describe("the buyer's routes", () => {
  it("opens the deposit by a form post and answers where it stands as JSON, to the client secret only", async () => {
    const merchant = await createTestMerchant();
    await patchMerchant(merchant, { stablecoin_xpub: freshWalletXpub() });
    const intent = await openIntent(merchant);
    const form = (secret: string) =>
      buyerStablecoin.POST(new Request(`http://kassa.test/pay/${intent.id}/stablecoin`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ client_secret: secret }) }), {
        params: Promise.resolve({ id: intent.id }),
      });
    const wrong = await form("pi_secret_wrong");
    expect(wrong.status).toBe(303);
    expect(wrong.headers.get("location")).toContain("error=client_secret_invalid");
    expect(await findDeposit(await getDb(), intent.id)).toBeNull();
    const opened = await form(intent.clientSecret);
    expect(opened.status).toBe(303);
    expect(new URL(opened.headers.get("location")!).pathname).toBe(`/pay/${intent.id}`);
    const deposit = (await findDeposit(await getDb(), intent.id))!;

    const status = (id: string, secret: string) => callRoute(buyerStablecoin.GET, { path: `/pay/${id}/stablecoin?client_secret=${encodeURIComponent(secret)}`, params: { id } });
    const answer = await status(intent.id, intent.clientSecret);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect(answer.body).toEqual({
      intent_id: intent.id,
      status: "requires_payment_method",
      stage: "waiting",
      network: "base-sepolia",
      token: "USDC",
      address: deposit.address,
      amount_due: "99.99",
      amount_received: "0.00",
      amount_remaining: "99.99",
      confirmations: null,
      confirmations_required: 5,
      tx_hash: null,
      success_url: null,
    });
    expect((await status(intent.id, "pi_secret_wrong")).status).toBe(403);
    expect((await status("pi_unknown", "x")).status).toBe(404);
    expect((await status("../../etc", "x")).status).toBe(404);
    const other = await openIntent(merchant);
    expect((await status(other.id, other.clientSecret)).status).toBe(404);
  });
});

describe("a chain that cannot be read", () => {
  it("makes /api/health degraded without the RPC URL, and decides nothing: an intent it watches does not expire by the clock", async () => {
    const merchant = await createTestMerchant();
    await patchMerchant(merchant, { stablecoin_xpub: freshWalletXpub() });
    const db = await getDb();
    const intent = await openIntent(merchant);
    await openDeposit(db, intent, await merchantRow(merchant.merchant.id));
    const [chain] = configuredChains();
    expect(await readChainOnce(db, chain!, "health-test")).toBe(false);
    expect(await readChainOnce(db, chain!, "health-test")).toBe(false);
    const answer = await callRoute(health.GET, { path: "/api/health" });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ ok: true, status: "degraded", chains: [{ name: "base-sepolia", ok: false, failures: expect.any(Number) }] });
    expect(answer.body.chains[0].failures).toBeGreaterThanOrEqual(2);
    expect(answer.body.chains[0].last_error).toEqual(expect.any(String));
    expect(JSON.stringify(answer.body)).not.toContain("secret-provider-key");
    await db.execute(sql`update payment_intents set expires_at = now() - interval '1 hour' where id = ${intent.id}`);
    await expireDueIntents(db, merchant.merchant.id);
    expect((await readIntent(intent.id)).status).toBe("requires_payment_method");
    expect((await db.select().from(stablecoinDeposits).where(eq(stablecoinDeposits.intentId, intent.id)))[0]).toMatchObject({ amountReceived: "0" });
  });
});

describe("KASSA_CHAINS", () => {
  const valid = { name: "base", chain_id: 8453, rpc_url: "https://mainnet.base.org", token_address: TOKEN, token_symbol: "USDC", decimals: 6, confirmations: 12 };
  it("reads the operator's list, live by default, addresses checksummed", () => {
    expect(parseChains(JSON.stringify([{ ...valid, token_address: TOKEN.toLowerCase() }]))).toEqual([{ ...valid, mode: "live", currency: "USD", poll_ms: 4000, blocks_per_read: 2000 }]);
    expect(parseChains("")).toEqual([]);
  });

  it.each([
    ["not json", /not valid JSON/],
    [JSON.stringify({ ...valid }), /KASSA_CHAINS: .*array/i],
    [JSON.stringify([{ ...valid, decimals: "6" }]), /KASSA_CHAINS\[0\]\.decimals/],
    [JSON.stringify([{ ...valid, token_address: "0x123" }]), /KASSA_CHAINS\[0\]\.token_address: must be a 0x… contract address/],
    [JSON.stringify([{ ...valid, rpc_url: "ftp://x" }]), /KASSA_CHAINS\[0\]\.rpc_url/],
    [JSON.stringify([{ ...valid, mode: "prod" }]), /KASSA_CHAINS\[0\]\.mode/],
    [JSON.stringify([valid, valid]), /KASSA_CHAINS\[1\]\.name: "base" is listed twice/],
    [JSON.stringify([{ ...valid, confirmation: 3 }]), /KASSA_CHAINS\[0\]/],
    [JSON.stringify([{ ...valid, blocks_per_read: 30 }]), /KASSA_CHAINS\[0\]\.blocks_per_read: must be at least 32: twice the 16 newest blocks/],
    [JSON.stringify([{ ...valid, confirmations: 64, blocks_per_read: 100 }]), /KASSA_CHAINS\[0\]\.blocks_per_read: must be at least 128/],
    [JSON.stringify([{ ...valid, chain_id: 84532 }]), /KASSA_CHAINS\[0\]\.mode: chain 84532 is a test network, whose tokens are free: set "mode": "test"/],
  ])("refuses %s with a message naming the field", (source, message) => {
    expect(() => parseChains(source)).toThrow(message);
  });
});
