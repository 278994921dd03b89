import { eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { events, stablecoinDeposits, stablecoinTransfers } from "@/db/schema";
import * as nativeIntents from "@/app/api/v1/payment-intents/route";
import * as health from "@/app/api/health/route";
import { callRoute } from "@/lib/testing/call-route";
import { readIntent, useLocalChain } from "@/lib/testing/chain-world";
import { readCursor } from "../chain-cursor";

/**
 * A deposit that Kassa cannot settle (a fault of its own: here a trigger that makes recording its
 * transfers fail, in the real database) holds up no other payment on the chain: it is read again
 * on its own from where it failed, while the chain's cursor moves on, and catches up once it can.
 */
const CONFIRMATIONS = 3;
// Reads of 100 blocks, as a provider with a narrow eth_getLogs limit would allow, so crossing more than one read mines little.
const BLOCKS_PER_READ = 100;
const world = useLocalChain({ confirmations: CONFIRMATIONS, blocksPerRead: BLOCKS_PER_READ });

const faults: string[] = [];
afterEach(async () => {
  const db = await getDb();
  for (const trigger of faults.splice(0)) await db.execute(sql.raw(`drop trigger if exists ${trigger} on stablecoin_transfers`));
});

/** From now on, recording any transfer of this intent fails, as a bug in Kassa would make it. */
async function breakRecordingOf(intentId: string): Promise<() => Promise<void>> {
  const db = await getDb();
  const trigger = `refuse_${intentId.replace(/[^a-z0-9]/gi, "_").toLowerCase()}`;
  await db.execute(sql.raw(`create or replace function kassa_test_refuse_transfer() returns trigger language plpgsql as $$ begin raise exception 'recording refused by the test'; end $$`));
  await db.execute(sql.raw(`create trigger ${trigger} before insert on stablecoin_transfers for each row when (new.intent_id = '${intentId}') execute function kassa_test_refuse_transfer()`));
  faults.push(trigger);
  return async () => {
    await db.execute(sql.raw(`drop trigger ${trigger} on stablecoin_transfers`));
    faults.splice(faults.indexOf(trigger), 1);
  };
}

/** An intent, open for a day (the chain's clock moves a second a block), and its deposit address. */
async function intentWithDeposit(auth: Record<string, string>, amount: number) {
  const created = await callRoute(nativeIntents.POST, {
    path: "/api/v1/payment-intents",
    headers: auth,
    body: { amount, currency: "USD", expires_in: 86_400, success_url: "https://shop.example/ok", cancel_url: "https://shop.example/no" },
  });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  const deposit = await world.depositFor(id);
  return { id, address: deposit.address as `0x${string}` };
}

const rereadFromOf = async (intentId: string) =>
  (await (await getDb()).select({ rereadFrom: stablecoinDeposits.rereadFrom }).from(stablecoinDeposits).where(eq(stablecoinDeposits.intentId, intentId)))[0]!.rereadFrom;

const transfersOf = async (intentId: string) =>
  (await getDb()).select().from(stablecoinTransfers).where(eq(stablecoinTransfers.intentId, intentId)).orderBy(stablecoinTransfers.blockNumber);

const chainHealth = async () => (await callRoute(health.GET, { path: "/api/health" })).body.chains[0];

describe("a deposit Kassa cannot settle", () => {
  it("holds up no other payment: the cursor moves on, the deposit is read again on its own and paid once it can be", async () => {
    const merchant = await world.merchantWithWallet();
    const stuck = await intentWithDeposit(merchant.auth, 2500);
    const other = await intentWithDeposit(merchant.auth, 1000);
    await world.scan();
    const mend = await breakRecordingOf(stuck.id);

    const stuckSent = await world.chain.transfer(world.usdc, 1, stuck.address, 25_000_000n);
    const otherSent = await world.chain.transfer(world.usdc, 1, other.address, 10_000_000n);
    const read = await world.scan();
    expect(read).toMatchObject({ read: true });
    if (!read.read) return;
    expect((await readIntent(other.id)).status).toBe("processing");
    expect((await readIntent(stuck.id)).status).toBe("requires_payment_method");
    expect(await rereadFromOf(stuck.id)).toBe(read.from);
    expect((await readCursor(await getDb(), world.config))!.nextBlock).toBe(read.to + 1);
    expect(await chainHealth()).toMatchObject({ ok: false, deposits_behind: 1, failures: 0 });

    // The other payment is confirmed and paid while the stuck one still cannot be recorded.
    for (let block = 1; block < CONFIRMATIONS; block++) {
      await world.chain.mine(1);
      await world.scan();
    }
    expect(await readIntent(other.id)).toMatchObject({ status: "succeeded", txHash: otherSent.hash });
    expect(await readIntent(stuck.id)).toMatchObject({ status: "requires_payment_method", txHash: null });
    expect(await rereadFromOf(stuck.id)).toBe(read.from);
    const cursor = (await readCursor(await getDb(), world.config))!;
    expect(cursor.nextBlock).toBeGreaterThan(Number(stuckSent.blockNumber) + 1);

    await mend();
    await world.scan();
    expect(await readIntent(stuck.id)).toMatchObject({ status: "succeeded", txHash: stuckSent.hash, amountCaptured: 2500 });
    expect(await rereadFromOf(stuck.id)).toBeNull();
    expect(await chainHealth()).toMatchObject({ ok: true, deposits_behind: 0 });
    const told = (await (await getDb()).select().from(events).where(eq(events.intentId, stuck.id))).map((event) => event.type);
    expect(told.filter((type) => type === "payment.succeeded")).toHaveLength(1);
  });

  it("never holds the chain's read back at its own unconfirmed transfer, and catches up across more blocks than one read takes", async () => {
    const merchant = await world.merchantWithWallet();
    const stuck = await intentWithDeposit(merchant.auth, 3000);
    await world.scan();
    const first = await world.chain.transfer(world.usdc, 1, stuck.address, 10_000_000n);
    await world.scan();
    expect(await transfersOf(stuck.id)).toMatchObject([{ txHash: first.hash, state: "seen" }]);
    const mend = await breakRecordingOf(stuck.id);
    await world.chain.mine(1);
    const read = await world.scan();
    if (!read.read) throw new Error("the watcher did not read");
    expect(read.from).toBeLessThanOrEqual(Number(first.blockNumber));
    expect(await rereadFromOf(stuck.id)).toBe(read.from);

    // Far more blocks than one read covers, with the rest of the money among them.
    await world.chain.mine(2 * BLOCKS_PER_READ + 50);
    const second = await world.chain.transfer(world.usdc, 2, stuck.address, 20_000_000n);
    await world.chain.mine(CONFIRMATIONS);
    // The chain's own read gets to the head, though the stuck deposit's first transfer is still unconfirmed in its rows.
    const head = Number(await world.chain.blockNumber());
    for (let round = 0; round < 10 && (await readCursor(await getDb(), world.config))!.nextBlock <= head; round++) await world.scan();
    expect((await readCursor(await getDb(), world.config))!.nextBlock).toBe(head + 1);
    expect(await transfersOf(stuck.id)).toMatchObject([{ txHash: first.hash, state: "seen" }]);

    await mend();
    const steps: (number | null)[] = [];
    for (let round = 0; round < 10 && (await readIntent(stuck.id)).status !== "succeeded"; round++) {
      await world.scan();
      steps.push(await rereadFromOf(stuck.id));
    }
    // BLOCKS_PER_READ blocks a read, from where it failed, until it is up with the chain's read.
    expect(steps.length).toBeGreaterThan(2);
    expect(steps.at(-1)).toBeNull();
    expect(steps.slice(0, -1)).toEqual(steps.slice(0, -1).map((_, index) => read.from + (index + 1) * BLOCKS_PER_READ));
    expect(await readIntent(stuck.id)).toMatchObject({ status: "succeeded", txHash: second.hash, amountCaptured: 3000 });
    expect(await transfersOf(stuck.id)).toMatchObject([
      { txHash: first.hash, state: "final", late: false },
      { txHash: second.hash, state: "final", late: false },
    ]);
    const deposit = (await (await getDb()).select().from(stablecoinDeposits).where(eq(stablecoinDeposits.intentId, stuck.id)))[0]!;
    expect(deposit).toMatchObject({ amountReceived: "30000000", amountConfirmed: "30000000", amountLate: "0", rereadFrom: null });
  });

  it("never keeps another waiting: those behind are read in turn, the least recently tried first", async () => {
    const merchant = await world.merchantWithWallet();
    const stuck = [];
    for (let index = 0; index < 11; index++) stuck.push(await intentWithDeposit(merchant.auth, 100));
    // A chain tall enough that each read starts at another block (a read takes in the newest 16 again).
    await world.chain.mine(40);
    await world.scan();
    const mends = [];
    // Each falls behind in a read of its own, so each is behind from another block: eleven reads to make, ten a round.
    for (const deposit of stuck) {
      mends.push(await breakRecordingOf(deposit.id));
      await world.chain.transfer(world.usdc, 1, deposit.address, 1_000_000n);
      const read = await world.scan();
      if (!read.read) throw new Error("the watcher did not read");
      expect(await rereadFromOf(deposit.id)).toBe(read.from);
    }
    expect(new Set(await Promise.all(stuck.map((deposit) => rereadFromOf(deposit.id)))).size).toBe(11);
    const last = stuck.at(-1)!;
    await mends.at(-1)!();
    await world.scan();
    expect(await rereadFromOf(last.id)).toBeNull();
    expect(await transfersOf(last.id)).toHaveLength(1);
    expect(await chainHealth()).toMatchObject({ ok: false, deposits_behind: 10, last_error: expect.stringContaining("10 payment(s) could not be recorded") });
  });

  it("closes no payment while it is behind: its expiry is decided once its blocks are read", async () => {
    const merchant = await world.merchantWithWallet();
    const stuck = await intentWithDeposit(merchant.auth, 2000);
    await world.scan();
    const mend = await breakRecordingOf(stuck.id);
    await world.chain.transfer(world.usdc, 1, stuck.address, 5_000_000n);
    await world.scan();
    expect(await rereadFromOf(stuck.id)).not.toBeNull();
    await world.passExpiry(stuck.id);
    await world.scan();
    await world.scan();
    expect((await readIntent(stuck.id)).status).toBe("requires_payment_method");

    await mend();
    await world.scan();
    expect((await readIntent(stuck.id)).status).toBe("underpaid");
    const deposit = (await (await getDb()).select().from(stablecoinDeposits).where(eq(stablecoinDeposits.intentId, stuck.id)))[0]!;
    expect(deposit).toMatchObject({ amountReceived: "5000000", amountLate: "0", rereadFrom: null });
  });
});
