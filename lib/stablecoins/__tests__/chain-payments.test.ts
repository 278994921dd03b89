import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { events, paymentAttempts, stablecoinDeposits, stablecoinTransfers } from "@/db/schema";
import * as mutopayPayments from "@/app/api/payments/route";
import * as mutopayStatus from "@/app/api/payments/[id]/status/route";
import * as mintPayments from "@/app/v1/payments/route";
import * as mintPayment from "@/app/v1/payments/[id]/route";
import * as nativeRefunds from "@/app/api/v1/payment-intents/[id]/refunds/route";
import * as nativeCancel from "@/app/api/v1/payment-intents/[id]/cancel/route";
import * as payPage from "@/app/pay/[id]/route";
import { completeChallenge } from "@/lib/checkout/challenge-attempt";
import { payIntent } from "@/lib/testing/fixtures";
import { expireDueIntents } from "@/lib/intents/expire-intent";
import { callRoute } from "@/lib/testing/call-route";
import { readIntent, useLocalChain } from "@/lib/testing/chain-world";
import { chainReader, type ChainReader } from "@/lib/stablecoins/chain-reader";
import { scanChain } from "@/lib/stablecoins/scan-chain";
import { readChainOnce } from "@/lib/stablecoins/watch-chains";
import { depositAddress } from "@/lib/stablecoins/wallet-key";
import { readCursor } from "@/lib/stablecoins/chain-cursor";
import { startSmtpSink } from "@/lib/testing/smtp-sink.mjs";
import { mailTransport } from "@/lib/receipts/mail-transport";
import { sendDueEmails } from "@/lib/receipts/send-due-emails";
import { paymentsCsv } from "@/lib/dashboard/payments-csv";
import { parsePaymentFilters } from "@/lib/dashboard/payment-filters";
import { searchPayments } from "@/lib/dashboard/search-payments";

const CONFIRMATIONS = 3;
const world = useLocalChain({ confirmations: CONFIRMATIONS });

const PLUGIN_HEADERS = (apiKey: string) => ({ "x-api-key": apiKey, "content-type": "application/json", "user-agent": "MutoPay-WooCommerce/1.0" });

async function mutopayPayment(secretKey: string, amount: number, expiresInMinutes = 60) {
  const response = await callRoute(mutopayPayments.POST, {
    path: "/api/payments",
    headers: PLUGIN_HEADERS(secretKey),
    body: { amount, currency: "USD", external_id: "wc_1", callback_url: "https://shop.example/thanks", expires_in_minutes: expiresInMinutes },
  });
  expect(response.status).toBe(201);
  return response.body as { id: string };
}

const poll = (secretKey: string, id: string) => callRoute(mutopayStatus.GET, { path: `/api/payments/${id}/status`, params: { id }, headers: PLUGIN_HEADERS(secretKey) });

async function eventsOf(intentId: string) {
  return (await getDb()).select().from(events).where(eq(events.intentId, intentId)).orderBy(events.sequence);
}
const eventTypes = async (intentId: string) => (await eventsOf(intentId)).map((event) => event.type);

async function transfersOf(intentId: string) {
  return (await getDb()).select().from(stablecoinTransfers).where(eq(stablecoinTransfers.intentId, intentId)).orderBy(stablecoinTransfers.blockNumber);
}

async function depositOf(intentId: string) {
  const [deposit] = await (await getDb()).select().from(stablecoinDeposits).where(eq(stablecoinDeposits.intentId, intentId));
  return deposit!;
}

/** Mines until the newest block has the confirmations asked for, reading the chain after each. */
async function confirm() {
  for (let block = 1; block < CONFIRMATIONS; block++) {
    await world.chain.mine(1);
    await world.scan();
  }
}

const passExpiry = (intentId: string) => world.passExpiry(intentId);

let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
beforeAll(async () => {
  smtp = await startSmtpSink();
});
afterAll(() => smtp.close());

/** Sends the receipts due now over SMTP and returns the text of those that reached `address`, spaces made plain. */
async function receiptsTo(address: string): Promise<string[]> {
  process.env.KASSA_SMTP_URL = smtp.url;
  try {
    await sendDueEmails(await getDb(), mailTransport()!);
  } finally {
    delete process.env.KASSA_SMTP_URL;
  }
  return smtp.received.filter((mail) => mail.to.includes(address)).map((mail) => mail.text.replace(/[\u00a0\u202f]/g, " "));
}

describe("a payment in USDC on a local chain", () => {
  it("goes from seen to confirming to paid, with the real transaction hash in MutoPay's status", async () => {
    const merchant = await world.merchantWithWallet();
    const { id } = await mutopayPayment(merchant.secretKey, 25);
    const deposit = await world.depositFor(id);
    expect(deposit.amountDue).toBe("25000000");
    await world.scan();
    const sent = await world.chain.transfer(world.usdc, 1, deposit.address as `0x${string}`, 25_000_000n);
    await world.scan();
    expect(await readIntent(id)).toMatchObject({ status: "processing", txHash: sent.hash });
    expect((await poll(merchant.secretKey, id)).body).toEqual({ id, status: "pending", tx_hash: null, failure_reason: null });
    await world.chain.mine(1);
    await world.scan();
    expect((await readIntent(id)).status).toBe("processing");
    await world.chain.mine(1);
    await world.scan();
    expect(await readIntent(id)).toMatchObject({ status: "succeeded", txHash: sent.hash, amountCaptured: 2500 });
    expect((await poll(merchant.secretKey, id)).body).toEqual({ id, status: "completed", tx_hash: sent.hash, failure_reason: null });
    expect(await eventTypes(id)).toEqual(["payment.created", "payment.processing", "payment.succeeded"]);
    expect(await transfersOf(id)).toMatchObject([{ txHash: sent.hash, state: "final", late: false, value: "25000000" }]);
  });

  it("speaks mint's statuses: pending, confirming_payment while confirmations come in, then paid, each with the transaction", async () => {
    const merchant = await world.merchantWithWallet();
    const created = await callRoute(mintPayments.POST, { path: "/v1/payments", headers: { "x-api-key": merchant.secretKey }, body: { amount: 49, currency: "USD", order_id: "order_123" } });
    expect(created.status).toBe(201);
    const id = created.body.data.id as string;
    const read = async () => (await callRoute(mintPayment.GET, { path: `/v1/payments/${id}`, params: { id }, headers: { "x-api-key": merchant.secretKey } })).body.data;
    expect(await read()).toMatchObject({ status: "pending", tx_hash: null });
    const deposit = await world.depositFor(id);
    expect(deposit.amountDue).toBe("49000000");
    const sent = await world.chain.transfer(world.usdc, 2, deposit.address as `0x${string}`, 49_000_000n);
    await world.scan();
    expect(await read()).toMatchObject({ status: "confirming_payment", tx_hash: sent.hash });
    await confirm();
    expect(await read()).toMatchObject({ status: "paid", tx_hash: sent.hash });
  });

  it("asks for the rest of an underpayment, and is paid once it is topped up, the second transaction named", async () => {
    const merchant = await world.merchantWithWallet();
    const { id } = await mutopayPayment(merchant.secretKey, 25);
    const deposit = await world.depositFor(id);
    const first = await world.chain.transfer(world.usdc, 1, deposit.address as `0x${string}`, 10_000_000n);
    await world.scan();
    expect((await readIntent(id)).status).toBe("requires_payment_method");
    expect(await depositOf(id)).toMatchObject({ amountReceived: "10000000", amountConfirmed: "0" });
    // The rest is the chain's to bring: no card may pay it now, nor may it be canceled.
    await expect(payIntent(id)).rejects.toThrow(/already arrived on chain/);
    const cancel = await callRoute(nativeCancel.POST, { path: `/api/v1/payment-intents/${id}/cancel`, params: { id }, headers: merchant.auth, body: {} });
    expect(cancel.status).toBe(422);
    expect(cancel.body.error.message).toMatch(/already arrived on chain/);
    const partial = (await eventsOf(id)).find((event) => event.type === "payment.partially_funded")!;
    expect(partial.data).toMatchObject({ amount_received: "10.00", amount_remaining: "15.00", amount_due: "25.00" });
    await confirm();
    expect(await depositOf(id)).toMatchObject({ amountConfirmed: "10000000" });
    const rest = await world.chain.transfer(world.usdc, 1, deposit.address as `0x${string}`, 15_000_000n);
    await world.scan();
    expect(await readIntent(id)).toMatchObject({ status: "processing", txHash: rest.hash });
    await confirm();
    expect(await readIntent(id)).toMatchObject({ status: "succeeded", txHash: rest.hash });
    expect((await poll(merchant.secretKey, id)).body).toMatchObject({ status: "completed", tx_hash: rest.hash });
    expect(await eventTypes(id)).toEqual(["payment.created", "payment.partially_funded", "payment.processing", "payment.succeeded"]);
    // The dashboard finds the payment by either transaction, as a wallet or an explorer writes it; another merchant finds nothing.
    const found = async (owner: string, q: string) => (await searchPayments(await getDb(), owner, parsePaymentFilters({ q }))).payments.map((payment) => payment.id);
    expect(await found(merchant.merchant.id, first.hash.replace(/[a-f]/g, (c) => c.toUpperCase()))).toEqual([id]);
    expect(await found(merchant.merchant.id, rest.hash)).toEqual([id]);
    expect(await found((await world.merchantWithWallet()).merchant.id, rest.hash)).toEqual([]);
  });

  it("ends underpaid when the time runs out short, with what arrived recorded", async () => {
    const merchant = await world.merchantWithWallet();
    const { id } = await mutopayPayment(merchant.secretKey, 25, 15);
    const deposit = await world.depositFor(id);
    await world.chain.transfer(world.usdc, 3, deposit.address as `0x${string}`, 24_990_000n);
    await confirm();
    // The server's clock is not the chain's: the clock-driven sweep leaves an intent the chain decides alone.
    await (await getDb()).execute(sql`update payment_intents set expires_at = now() - interval '1 minute' where id = ${id}`);
    await expireDueIntents(await getDb());
    expect((await readIntent(id)).status).toBe("requires_payment_method");
    await passExpiry(id);
    await world.scan();
    expect((await readIntent(id)).status).toBe("underpaid");
    expect(await depositOf(id)).toMatchObject({ amountReceived: "24990000", amountDue: "25000000" });
    // The plugin keeps an underpaid order on hold for the shop owner to settle with the buyer.
    expect((await poll(merchant.secretKey, id)).body).toEqual({ id, status: "underpaid", tx_hash: null, failure_reason: null });
    const underpaid = (await eventsOf(id)).find((event) => event.type === "payment.underpaid")!;
    expect(underpaid.data).toMatchObject({ amount_received: "24.99", amount_remaining: "0.01" });
  });

  it("takes more than the amount as paid, with the excess recorded", async () => {
    const merchant = await world.merchantWithWallet();
    const { id } = await mutopayPayment(merchant.secretKey, 25);
    const deposit = await world.depositFor(id);
    const sent = await world.chain.transfer(world.usdc, 1, deposit.address as `0x${string}`, 30_000_001n);
    await world.scan();
    await confirm();
    expect(await readIntent(id)).toMatchObject({ status: "succeeded", txHash: sent.hash, amountCaptured: 2500 });
    expect(await depositOf(id)).toMatchObject({ amountReceived: "30000001", amountConfirmed: "30000001" });
    const paid = (await eventsOf(id)).find((event) => event.type === "payment.succeeded")!;
    expect(paid.data).toMatchObject({ amount_excess: "5.000001", tx_hash: sent.hash });
  });

  it("ignores another token sent to the address, and USDC sent to another address", async () => {
    const merchant = await world.merchantWithWallet();
    const { id } = await mutopayPayment(merchant.secretKey, 25);
    const deposit = await world.depositFor(id);
    const other = await world.depositFor((await mutopayPayment(merchant.secretKey, 25)).id);
    expect(other.address).not.toBe(deposit.address);
    expect(other.derivationIndex).toBe(deposit.derivationIndex + 1);
    await world.chain.transfer(world.otherToken, 1, deposit.address as `0x${string}`, 25_000_000n);
    await world.chain.transfer(world.usdc, 1, world.chain.accounts[5]!, 25_000_000n);
    await world.scan();
    await confirm();
    expect((await readIntent(id)).status).toBe("requires_payment_method");
    expect(await transfersOf(id)).toEqual([]);
    expect(await depositOf(id)).toMatchObject({ amountReceived: "0", amountLate: "0" });
  });

  it("records money that arrives after the expiry as paid late, never lost and never counted", async () => {
    const merchant = await world.merchantWithWallet();
    const { id } = await mutopayPayment(merchant.secretKey, 25, 15);
    const deposit = await world.depositFor(id);
    await passExpiry(id);
    await world.scan();
    expect((await readIntent(id)).status).toBe("expired");
    const late = await world.chain.transfer(world.usdc, 1, deposit.address as `0x${string}`, 25_000_000n);
    await world.scan();
    expect(await readIntent(id)).toMatchObject({ status: "expired", txHash: null });
    expect(await transfersOf(id)).toMatchObject([{ txHash: late.hash, late: true }]);
    expect(await depositOf(id)).toMatchObject({ amountReceived: "0", amountLate: "25000000" });
    expect(await eventTypes(id)).toEqual(["payment.created", "payment.expired", "payment.received_late"]);
    expect((await poll(merchant.secretKey, id)).body.status).toBe("expired");
  });

  it("takes a transfer back when a reorganisation drops its block before it is final, and the intent waits again", async () => {
    const merchant = await world.merchantWithWallet();
    const { id } = await mutopayPayment(merchant.secretKey, 25);
    const deposit = await world.depositFor(id);
    await world.scan();
    const before = await world.chain.snapshot();
    const dropped = await world.chain.transfer(world.usdc, 1, deposit.address as `0x${string}`, 25_000_000n);
    await world.scan();
    expect(await readIntent(id)).toMatchObject({ status: "processing", txHash: dropped.hash });
    // The chain goes back to before the transfer and grows another way, past where the transfer was.
    await world.chain.revert(before);
    await world.chain.mine(CONFIRMATIONS + 1);
    await world.scan();
    expect(await readIntent(id)).toMatchObject({ status: "requires_payment_method", txHash: null });
    expect(await transfersOf(id)).toMatchObject([{ txHash: dropped.hash, state: "removed" }]);
    expect(await depositOf(id)).toMatchObject({ amountReceived: "0" });
    expect(await eventTypes(id)).toEqual(["payment.created", "payment.processing", "payment.funds_reversed"]);
    // The buyer pays again on the chain as it now is.
    const again = await world.chain.transfer(world.usdc, 1, deposit.address as `0x${string}`, 25_000_000n);
    await world.scan();
    await confirm();
    expect(await readIntent(id)).toMatchObject({ status: "succeeded", txHash: again.hash });
  });

  it("keeps a transfer that one answer left out (a node behind the head), and the intent past its expiry is not closed for it", async () => {
    const merchant = await world.merchantWithWallet();
    const { id } = await mutopayPayment(merchant.secretKey, 25);
    const deposit = await world.depositFor(id);
    const sent = await world.chain.transfer(world.usdc, 1, deposit.address as `0x${string}`, 25_000_000n);
    await world.scan();
    expect(await readIntent(id)).toMatchObject({ status: "processing", txHash: sent.hash });
    // The chain's time passes the expiry, and a node that has not seen the transfer's block answers the logs.
    await passExpiry(id);
    const real = chainReader(world.config);
    const lagging: ChainReader = { ...real, transfers: async () => [] };
    expect(await scanChain(await getDb(), world.config, lagging, "test-watcher")).toMatchObject({ read: true });
    expect(await readIntent(id)).toMatchObject({ status: "processing", txHash: sent.hash });
    expect(await transfersOf(id)).toMatchObject([{ txHash: sent.hash, state: "seen", late: false }]);
    expect(await eventTypes(id)).toEqual(["payment.created", "payment.processing"]);
    // A node that has it finishes the payment.
    await world.scan();
    expect(await readIntent(id)).toMatchObject({ status: "succeeded", txHash: sent.hash });
  });

  it("reads nothing from an RPC that serves another chain, or a token with other decimals than configured, and says why", async () => {
    const db = await getDb();
    const wrongChain = { ...world.config, name: "wrong-chain", chain_id: 8453 };
    expect(await readChainOnce(db, wrongChain, "test-watcher")).toBe(false);
    expect(await readCursor(db, wrongChain)).toMatchObject({ failures: 1, lastError: `KASSA_CHAINS says wrong-chain is chain 8453, but its RPC serves chain ${world.chain.chainId}: nothing is read until they agree.`, headBlock: null });
    const wrongDecimals = { ...world.config, name: "wrong-decimals", token_address: world.otherToken, decimals: 18 };
    expect(await readChainOnce(db, wrongDecimals, "test-watcher")).toBe(false);
    expect((await readCursor(db, wrongDecimals))!.lastError).toBe("KASSA_CHAINS says USDC on wrong-decimals has 18 decimals, but its contract says 6: nothing is read until they agree.");
    expect(await readChainOnce(db, world.config, "test-watcher")).toBe(true);
  });

  it("never counts what reached the address before it was handed out: a wallet's receive addresses are its accounts too", async () => {
    const merchant = await world.merchantWithWallet();
    const { id } = await mutopayPayment(merchant.secretKey, 25);
    // The wallet's own money, on what will be this payment's address, minutes before it is handed out.
    await world.chain.transfer(world.usdc, 1, depositAddress(merchant.xpub, 0), 25_000_000n);
    const deposit = await world.depositFor(id);
    expect(deposit.derivationIndex).toBe(0);
    await (await getDb()).update(stablecoinDeposits).set({ createdAt: sql`now() + interval '10 minutes'` }).where(eq(stablecoinDeposits.intentId, id));
    await world.scan();
    expect(await readIntent(id)).toMatchObject({ status: "requires_payment_method", txHash: null });
    expect(await transfersOf(id)).toEqual([]);
  });

  it("counts money that arrives while a card waits at the bank once the card is given up", async () => {
    const merchant = await world.merchantWithWallet();
    const { id } = await mutopayPayment(merchant.secretKey, 25);
    const deposit = await world.depositFor(id);
    // The buyer tries a card that asks for 3-D Secure, and pays on chain meanwhile.
    expect((await payIntent(id, "4000002760003184")).outcome).toBe("requires_action");
    const sent = await world.chain.transfer(world.usdc, 1, deposit.address as `0x${string}`, 25_000_000n);
    await world.scan();
    expect((await readIntent(id)).status).toBe("requires_action");
    expect(await transfersOf(id)).toMatchObject([{ txHash: sent.hash, late: false }]);
    const intent = await readIntent(id);
    await completeChallenge(await getDb(), { intentId: id, clientSecret: intent.clientSecret, authenticated: false });
    expect((await readIntent(id)).status).toBe("requires_payment_method");
    await world.scan();
    await confirm();
    expect(await readIntent(id)).toMatchObject({ status: "succeeded", txHash: sent.hash });
  });

  it("decides by the chain an intent whose card was left at the bank past the expiry: money sent in time pays it, part of it leaves it underpaid", async () => {
    const merchant = await world.merchantWithWallet();
    const parked = async (amount: bigint) => {
      const { id } = await mutopayPayment(merchant.secretKey, 25);
      const deposit = await world.depositFor(id);
      expect((await payIntent(id, "4000002760003184")).outcome).toBe("requires_action");
      const sent = amount > 0n ? await world.chain.transfer(world.usdc, 1, deposit.address as `0x${string}`, amount) : null;
      return { id, sent };
    };
    const paid = await parked(25_000_000n);
    const short = await parked(10_000_000n);
    const nothing = await parked(0n);
    await world.scan();
    expect(await transfersOf(paid.id)).toMatchObject([{ txHash: paid.sent!.hash, late: false }]);
    const ids = [paid.id, short.id, nothing.id];

    // Past the expiry by the database's clock, the sweep leaves them to the chain, which knows what was sent in time.
    await (await getDb()).execute(sql`update payment_intents set expires_at = now() - interval '1 minute' where id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`);
    await expireDueIntents(await getDb());
    for (const id of ids) expect((await readIntent(id)).status).toBe("requires_action");
    // The buyer's page no longer offers the bank (its challenge can no longer be answered): it says the network is being checked.
    const { clientSecret } = await readIntent(paid.id);
    const page = await payPage.GET(new Request(`http://kassa.test/pay/${paid.id}?client_secret=${clientSecret}`), { params: Promise.resolve({ id: paid.id }) });
    const html = await page.text();
    expect(html).toContain("Checking the network for payments sent in time");
    expect(html).not.toContain("continue-to-bank");

    await world.passExpiry(nothing.id);
    await world.scan();
    expect(await readIntent(short.id)).toMatchObject({ status: "underpaid" });
    expect(await readIntent(nothing.id)).toMatchObject({ status: "expired" });
    // Final by now (the chain moved past the expiry by more blocks than the confirmations asked for).
    expect(await readIntent(paid.id)).toMatchObject({ status: "succeeded", txHash: paid.sent!.hash, amountCaptured: 2500 });
    expect(await depositOf(paid.id)).toMatchObject({ amountReceived: "25000000", amountLate: "0" });
    expect(await depositOf(short.id)).toMatchObject({ amountReceived: "10000000", amountLate: "0" });
    expect(await eventTypes(paid.id)).toEqual(["payment.created", "payment.requires_action", "payment.processing", "payment.succeeded"]);
    expect(await eventTypes(short.id)).toEqual(["payment.created", "payment.requires_action", "payment.underpaid"]);
    expect(await eventTypes(nothing.id)).toEqual(["payment.created", "payment.requires_action", "payment.expired"]);
    // The bank's challenge is closed as given up, so no attempt waits forever.
    for (const id of ids) {
      const attempts = await (await getDb()).select().from(paymentAttempts).where(eq(paymentAttempts.intentId, id));
      expect(attempts).toMatchObject([{ status: "declined", declineCode: "authentication_abandoned" }]);
    }
  });

  it("takes money sent on chain for an intent already paid by card as paid late", async () => {
    const merchant = await world.merchantWithWallet();
    const { id } = await mutopayPayment(merchant.secretKey, 25);
    const deposit = await world.depositFor(id);
    expect((await payIntent(id)).outcome).toBe("succeeded");
    await world.chain.transfer(world.usdc, 1, deposit.address as `0x${string}`, 25_000_000n);
    await world.scan();
    expect(await readIntent(id)).toMatchObject({ status: "succeeded", txHash: null });
    expect(await depositOf(id)).toMatchObject({ amountReceived: "0", amountLate: "25000000" });
    expect(await eventTypes(id)).toContain("payment.received_late");
  });

  it("keeps reading an open intent's address however long the watcher was away", async () => {
    const merchant = await world.merchantWithWallet();
    const { id } = await mutopayPayment(merchant.secretKey, 25);
    const deposit = await world.depositFor(id);
    await (await getDb()).execute(sql`update stablecoin_deposits set watch_until = now() - interval '1 day' where intent_id = ${id}`);
    const sent = await world.chain.transfer(world.usdc, 1, deposit.address as `0x${string}`, 25_000_000n);
    await world.scan();
    expect(await readIntent(id)).toMatchObject({ status: "processing", txHash: sent.hash });
  });

  it("leaves refunds to the merchant's wallet: the API asks for the refund's transaction and records it", async () => {
    const merchant = await world.merchantWithWallet();
    const { id } = await mutopayPayment(merchant.secretKey, 25);
    const deposit = await world.depositFor(id);
    await world.chain.transfer(world.usdc, 1, deposit.address as `0x${string}`, 25_000_000n);
    await world.scan();
    await confirm();
    const refund = (body: unknown) => callRoute(nativeRefunds.POST, { path: `/api/v1/payment-intents/${id}/refunds`, params: { id }, headers: merchant.auth, body });
    const unsent = await refund({ amount: 1000 });
    expect(unsent.status).toBe(400);
    expect(unsent.body.error).toMatchObject({ code: "parameter_missing", param: "tx_hash" });
    expect(unsent.body.error.message).toMatch(/from your wallet/);
    expect((await refund({ amount: 1000, tx_hash: "0x1234" })).status).toBe(400);
    // The merchant sends 10.00 back from its wallet, then records it.
    const back = await world.chain.transfer(world.usdc, 1, world.chain.accounts[1]!, 10_000_000n);
    const recorded = await refund({ amount: 1000, tx_hash: back.hash });
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({ amount: 1000, status: "succeeded" });
    expect(await readIntent(id)).toMatchObject({ status: "succeeded", amountRefunded: 1000 });
    const again = await refund({ amount: 500, tx_hash: back.hash.toUpperCase().replace("0X", "0x") });
    expect(again.status).toBe(400);
    expect(again.body.error.message).toMatch(/already recorded/);
    expect((await refund({ amount: 1501, tx_hash: `0x${"1".repeat(64)}` })).status).toBe(422);
    expect(await eventTypes(id)).toContain("payment.refunded");
    // The same transaction sent twice at once is recorded once, and never on another payment.
    const twice = await Promise.all([refund({ amount: 100, tx_hash: `0x${"2".repeat(64)}` }), refund({ amount: 100, tx_hash: `0x${"2".repeat(64)}` })]);
    expect(twice.map((answer) => answer.status).sort()).toEqual([201, 400]);
    expect(twice.find((answer) => answer.status === 400)!.body.error.message).toMatch(/already recorded/);
    expect(await readIntent(id)).toMatchObject({ amountRefunded: 1100 });
    const other = await mutopayPayment(merchant.secretKey, 5);
    const otherDeposit = await world.depositFor(other.id);
    await world.chain.transfer(world.usdc, 1, otherDeposit.address as `0x${string}`, 5_000_000n);
    await world.scan();
    await confirm();
    const onOther = await callRoute(nativeRefunds.POST, { path: `/api/v1/payment-intents/${other.id}/refunds`, params: { id: other.id }, headers: merchant.auth, body: { amount: 100, tx_hash: back.hash } });
    expect(onOther.status).toBe(400);
    expect(onOther.body.error.message).toMatch(/already recorded/);
  });

  it("sends the buyer a receipt naming the token, network and transaction, and for a refund the merchant's transaction, never a card; the export names it too", async () => {
    const merchant = await world.merchantWithWallet();
    const buyer = `buyer-${Date.now()}@example.com`;
    const created = await callRoute(mutopayPayments.POST, {
      path: "/api/payments",
      headers: PLUGIN_HEADERS(merchant.secretKey),
      body: { amount: 20, currency: "USD", external_id: "wc_2", callback_url: "https://shop.example/thanks", customer_email: buyer, locale: "de" },
    });
    const id = created.body.id as string;
    const deposit = await world.depositFor(id);
    const sent = await world.chain.transfer(world.usdc, 1, deposit.address as `0x${string}`, 20_500_000n);
    await world.scan();
    await confirm();
    expect(await readIntent(id)).toMatchObject({ status: "succeeded" });
    const [receipt] = await receiptsTo(buyer);
    expect(receipt).toContain("Bezahlter Betrag: 20,00 $");
    expect(receipt).toContain("Zahlungsmethode: 20.50 USDC im Netzwerk anvil");
    expect(receipt).toContain(`Transaktion: ${sent.hash}`);
    expect(receipt).not.toMatch(/Karte/);
    // The merchant's export carries the same transaction, to reconcile against the wallet.
    let csv = "";
    for await (const line of paymentsCsv(await getDb(), { merchantId: merchant.merchant.id, mode: "test" }, parsePaymentFilters({}))) csv += line;
    expect(csv.split("\r\n")[1]).toMatch(new RegExp(`^${id},.*,succeeded,USD,20\\.00,20\\.00,0\\.00,20\\.00,.*,mutopay,${sent.hash}$`));

    const back = await world.chain.transfer(world.usdc, 1, world.chain.accounts[1]!, 5_000_000n);
    const refunded = await callRoute(nativeRefunds.POST, { path: `/api/v1/payment-intents/${id}/refunds`, params: { id }, headers: merchant.auth, body: { amount: 500, tx_hash: back.hash } });
    expect(refunded.status).toBe(201);
    const [, refundReceipt] = await receiptsTo(buyer);
    expect(refundReceipt).toContain("Erstatteter Betrag: 5,00 $");
    expect(refundReceipt).toContain(`Transaktion: ${back.hash}`);
    expect(refundReceipt).toContain("auf der Blockchain zurückgesendet");
    expect(refundReceipt).not.toMatch(/Karte/);
  });

  it("carries on after a restart between the transfer and its confirmations, and catches up on what happened while down", async () => {
    const merchant = await world.merchantWithWallet();
    const { id } = await mutopayPayment(merchant.secretKey, 25);
    const deposit = await world.depositFor(id);
    const sent = await world.chain.transfer(world.usdc, 1, deposit.address as `0x${string}`, 25_000_000n);
    // The watcher of the tests above is gone: its lease has run out.
    await (await getDb()).execute(sql`update chain_cursors set locked_until = now() - interval '1 second'`);
    await world.scan("instance-a");
    expect((await readIntent(id)).status).toBe("processing");
    // instance-a stops; the confirmations arrive while nobody reads; another instance waits for its lease.
    await world.chain.mine(CONFIRMATIONS);
    expect(await world.scan("instance-b")).toEqual({ read: false });
    expect((await readIntent(id)).status).toBe("processing");
    // instance-a, restarted under its own name, goes on from its cursor in the database.
    expect(await world.scan("instance-a")).toMatchObject({ read: true });
    expect(await readIntent(id)).toMatchObject({ status: "succeeded", txHash: sent.hash });
    // A payment made and confirmed entirely while down is seen and paid in one read, both steps told.
    const { id: second } = await mutopayPayment(merchant.secretKey, 5);
    const secondDeposit = await world.depositFor(second);
    await world.chain.transfer(world.usdc, 2, secondDeposit.address as `0x${string}`, 5_000_000n);
    await world.chain.mine(CONFIRMATIONS);
    await world.scan("instance-a");
    expect((await readIntent(second)).status).toBe("succeeded");
    expect(await eventTypes(second)).toEqual(["payment.created", "payment.processing", "payment.succeeded"]);
  });
});
