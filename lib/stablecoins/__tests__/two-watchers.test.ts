import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { events, paymentIntents, stablecoinDeposits, stablecoinTransfers, webhookDeliveries } from "@/db/schema";
import { databaseConfig } from "@/db/config";
import { queryRows } from "@/db/rows";
import { cancelIntent } from "@/lib/intents/cancel-intent";
import * as nativeIntents from "@/app/api/v1/payment-intents/route";
import { callRoute } from "@/lib/testing/call-route";
import { freshWalletXpub, readIntent, useLocalChain } from "@/lib/testing/chain-world";
import { deliverAllDue, useWebhookReceiver } from "@/lib/testing/webhook-world";
import { setWallet } from "../set-wallet";
import { chainReader } from "../chain-reader";
import { scanChain } from "../scan-chain";

const world = useLocalChain({ confirmations: 2 });
const hooks = useWebhookReceiver();

/** Two instances reading at the same moment, their leases so short that neither keeps the other out. */
async function bothRead() {
  const db = await getDb();
  const read = (holder: string) => scanChain(db, world.config, chainReader(world.config), holder, 1);
  const results = await Promise.all([read("instance-1"), read("instance-2")]);
  return results;
}

describe("two instances watching the same chain", () => {
  it("count a transfer once: one row, one event per step, one webhook per event", async () => {
    const merchant = await hooks.merchantWithEndpoint();
    await setWallet(await getDb(), merchant.merchant.id, freshWalletXpub());
    const created = await callRoute(nativeIntents.POST, {
      path: "/api/v1/payment-intents",
      headers: merchant.auth,
      body: { amount: 1999, currency: "USD", success_url: "https://shop.example/ok", cancel_url: "https://shop.example/no" },
    });
    const id = created.body.id as string;
    const deposit = await world.depositFor(id);
    expect(deposit.amountDue).toBe("19990000");
    const sent = await world.chain.transfer(world.usdc, 1, deposit.address as `0x${string}`, 19_990_000n);
    for (let round = 0; round < 4; round++) {
      await bothRead();
      if (round < 2) await world.chain.mine(1);
    }
    const db = await getDb();
    expect(await readIntent(id)).toMatchObject({ status: "succeeded", txHash: sent.hash });
    expect(await db.select().from(stablecoinTransfers).where(eq(stablecoinTransfers.intentId, id))).toHaveLength(1);
    const told = await db.select().from(events).where(eq(events.intentId, id));
    expect(told.map((event) => event.type).sort()).toEqual(["payment.created", "payment.processing", "payment.succeeded"]);
    expect(await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, merchant.endpointId))).toHaveLength(2);
    await deliverAllDue();
    const received = hooks.receiver.received.map((hook) => [hook.payload.type, hook.payload.data.object.tx_hash, hook.verifiedWith.length]);
    expect(received.sort()).toEqual([
      ["payment.processing", sent.hash, 1],
      ["payment.succeeded", sent.hash, 1],
    ]);
  });
});

describe("a cancel racing the watcher", () => {
  it("is refused when it waited on a watcher recording money for the intent, and the intent stays the chain's", async () => {
    const merchant = await hooks.merchantWithEndpoint();
    const db = await getDb();
    await setWallet(db, merchant.merchant.id, freshWalletXpub());
    const created = await callRoute(nativeIntents.POST, {
      path: "/api/v1/payment-intents",
      headers: merchant.auth,
      body: { amount: 2500, currency: "USD", success_url: "https://shop.example/ok", cancel_url: "https://shop.example/no" },
    });
    const id = created.body.id as string;
    await world.depositFor(id);
    // A watcher mid-settle, as settleDeposit holds it: the deposit's lock, then the intent's, part of the amount recorded.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    const watcher = db.transaction(async (tx) => {
      await tx.select().from(stablecoinDeposits).where(eq(stablecoinDeposits.intentId, id)).for("update");
      await tx.select().from(paymentIntents).where(eq(paymentIntents.id, id)).for("update");
      await tx.update(stablecoinDeposits).set({ amountReceived: "10000000" }).where(eq(stablecoinDeposits.intentId, id));
      locked();
      await held;
    });
    await lockTaken;
    const cancel = cancelIntent(db, merchant.merchant.id, id, { type: "api_key", id: merchant.apiKey.id }).then(
      () => null,
      (error: unknown) => error,
    );
    // On PostgreSQL, once the cancel waits on a lock; the embedded database runs it after the watcher anyway.
    if (databaseConfig().kind === "postgres") {
      await expect.poll(async () => (await queryRows<{ waiting: number }>(db, sql`select count(*)::int as waiting from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`))[0]!.waiting, { timeout: 10_000 }).toBe(1);
    }
    release();
    await watcher;
    expect(await cancel).toMatchObject({ code: "intent_unexpected_state", message: expect.stringMatching(/already arrived on chain/) });
    expect(await readIntent(id)).toMatchObject({ status: "requires_payment_method" });
  });
});
