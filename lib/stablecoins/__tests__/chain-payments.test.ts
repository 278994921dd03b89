import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { events, stablecoinTransfers } from "@/db/schema";
import * as mutopayPayments from "@/app/api/payments/route";
import * as mutopayStatus from "@/app/api/payments/[id]/status/route";
import { callRoute } from "@/lib/testing/call-route";
import { readIntent, useLocalChain } from "@/lib/testing/chain-world";

const world = useLocalChain({ confirmations: 3 });

const PLUGIN_HEADERS = (apiKey: string) => ({ "x-api-key": apiKey, "content-type": "application/json", "user-agent": "MutoPay-WooCommerce/1.0" });

async function mutopayPayment(secretKey: string, amount: number) {
  const response = await callRoute(mutopayPayments.POST, {
    path: "/api/payments",
    headers: PLUGIN_HEADERS(secretKey),
    body: { amount, currency: "USD", external_id: "wc_1", callback_url: "https://shop.example/thanks", expires_in_minutes: 60 },
  });
  expect(response.status).toBe(201);
  return response.body as { id: string };
}

async function eventTypes(intentId: string): Promise<string[]> {
  const rows = await (await getDb()).select({ type: events.type }).from(events).where(eq(events.intentId, intentId)).orderBy(events.sequence);
  return rows.map((row) => row.type);
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
    const poll = () => callRoute(mutopayStatus.GET, { path: `/api/payments/${id}/status`, params: { id }, headers: PLUGIN_HEADERS(merchant.secretKey) });
    expect((await poll()).body).toEqual({ id, status: "pending", tx_hash: null, failure_reason: null });
    await world.chain.mine(1);
    await world.scan();
    expect((await readIntent(id)).status).toBe("processing");
    await world.chain.mine(1);
    await world.scan();
    expect(await readIntent(id)).toMatchObject({ status: "succeeded", txHash: sent.hash, amountCaptured: 2500 });
    expect((await poll()).body).toEqual({ id, status: "completed", tx_hash: sent.hash, failure_reason: null });
    expect(await eventTypes(id)).toEqual(["payment.created", "payment.processing", "payment.succeeded"]);
    const [transfer] = await (await getDb()).select().from(stablecoinTransfers).where(eq(stablecoinTransfers.intentId, id));
    expect(transfer).toMatchObject({ txHash: sent.hash, state: "final", late: false, value: "25000000" });
  });
});
