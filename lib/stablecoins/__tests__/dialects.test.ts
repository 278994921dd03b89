import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { events } from "@/db/schema";
import * as nativeIntents from "@/app/api/v1/payment-intents/route";
import * as nativeIntent from "@/app/api/v1/payment-intents/[id]/route";
import * as mintroIntents from "@/app/api/platform/intents/route";
import * as mintroIntent from "@/app/api/platform/intents/[id]/route";
import * as shopPayments from "@/app/api/v1/payments/route";
import * as shopPayment from "@/app/api/v1/payments/[id]/route";
import * as mutopayPayments from "@/app/api/payments/route";
import * as mutopayPayment from "@/app/api/payments/[id]/route";
import * as mintPayments from "@/app/v1/payments/route";
import * as mintPayment from "@/app/v1/payments/[id]/route";
import { renderPaymentIntent } from "@/lib/dialects/stripe/render/payment-intent";
import { sampleIntent } from "@/lib/openapi/samples";
import { callRoute, type CallResult } from "@/lib/testing/call-route";
import { readIntent, useLocalChain } from "@/lib/testing/chain-world";
import type { TestMerchant } from "@/lib/testing/fixtures";

const world = useLocalChain({ confirmations: 1 });

type Dialect = {
  name: string;
  create: (m: TestMerchant) => Promise<CallResult>;
  read: (m: TestMerchant, id: string) => Promise<CallResult>;
  idOf: (body: any) => string;
  /** The payment as its own route answers it. */
  payment: (body: any) => any;
  /** Its words for an intent that expired short of the amount, in its answer and its webhook. */
  underpaid: { status: string; event: string };
  eventOf: (payload: any) => string;
};

const gatewayHeaders = (m: TestMerchant) => ({ "x-api-key": m.secretKey });
const DIALECTS: Dialect[] = [
  {
    name: "native",
    create: (m) => callRoute(nativeIntents.POST, { path: "/api/v1/payment-intents", headers: m.auth, body: { amount: 1200, currency: "USD", success_url: "https://shop.example/ok", cancel_url: "https://shop.example/no", expires_in: 900 } }),
    read: (m, id) => callRoute(nativeIntent.GET, { path: `/api/v1/payment-intents/${id}`, params: { id }, headers: m.auth }),
    idOf: (body) => body.id,
    payment: (body) => body,
    underpaid: { status: "underpaid", event: "payment.underpaid" },
    eventOf: (payload) => payload.type,
  },
  {
    name: "gateway",
    create: (m) => callRoute(nativeIntents.POST, { path: "/api/v1/payment-intents", headers: gatewayHeaders(m), body: { amount: 1200, currency: "USD", success_url: "https://shop.example/ok" } }),
    read: (m, id) => callRoute(nativeIntent.GET, { path: `/api/v1/payment-intents/${id}`, params: { id }, headers: gatewayHeaders(m) }),
    idOf: (body) => body.data.id,
    payment: (body) => body.data,
    underpaid: { status: "failed", event: "payment.failed" },
    eventOf: (payload) => payload.event,
  },
  {
    name: "mintro",
    create: (m) =>
      callRoute(mintroIntents.POST, {
        path: "/api/platform/intents",
        headers: m.mintroAuth,
        body: { amount: 12, currency: "USD", intent_type: "one_time", email: "a@example.com", name: "A", reference_id: `R${Date.now()}${Math.floor(Math.random() * 1e6)}`, integration_type: "iframe", order_items: [{ name: "Thing", quantity: 1, price: 12 }] },
      }),
    read: (m, id) => callRoute(mintroIntent.GET, { path: `/api/platform/intents/${id}`, params: { id }, headers: m.mintroAuth }),
    idOf: (body) => body.data.intent_id,
    payment: (body) => body.data,
    underpaid: { status: "failed", event: "payment.failed" },
    eventOf: (payload) => payload.event,
  },
  {
    name: "mint",
    create: (m) => callRoute(mintPayments.POST, { path: "/v1/payments", headers: { "x-api-key": m.secretKey }, body: { currency: "USD", amount: 12 } }),
    read: (m, id) => callRoute(mintPayment.GET, { path: `/v1/payments/${id}`, params: { id }, headers: { "x-api-key": m.secretKey } }),
    idOf: (body) => body.data.id,
    payment: (body) => body.data,
    underpaid: { status: "failed", event: "payment.failed" },
    eventOf: (payload) => payload.type,
  },
  {
    name: "shop",
    create: (m) => callRoute(shopPayments.POST, { path: "/api/v1/payments", headers: m.auth, body: { amount: 1200, currency: "usd", return_url: "https://shop.example/r" } }),
    read: (m, id) => callRoute(shopPayment.GET, { path: `/api/v1/payments/${id}`, params: { id }, headers: m.auth }),
    idOf: (body) => body.id,
    payment: (body) => body,
    underpaid: { status: "failed", event: "payment.failed" },
    eventOf: (payload) => payload.type,
  },
  {
    name: "mutopay",
    create: (m) => callRoute(mutopayPayments.POST, { path: "/api/payments", headers: { "x-api-key": m.secretKey }, body: { amount_usd: 12, expires_in_minutes: 15 } }),
    read: (m, id) => callRoute(mutopayPayment.GET, { path: `/api/payments/${id}`, params: { id }, headers: { "x-api-key": m.secretKey } }),
    idOf: (body) => body.id,
    payment: (body) => body,
    underpaid: { status: "underpaid", event: "payment.underpaid" },
    eventOf: (payload) => payload.event,
  },
];

async function webhookOf(intentId: string, type: string) {
  const [event] = await (await getDb()).select().from(events).where(and(eq(events.intentId, intentId), eq(events.type, type)));
  return event!.payload as Record<string, unknown>;
}

describe.each(DIALECTS)("the $name dialect", (dialect) => {
  it("answers tx_hash, the real transaction's hash, once paid on chain, in its answer and its webhook", async () => {
    const merchant = await world.merchantWithWallet();
    const created = await dialect.create(merchant);
    expect(created.status, JSON.stringify(created.body)).toBeLessThan(300);
    const id = dialect.idOf(created.body);
    const deposit = await world.depositFor(id);
    const sent = await world.chain.transfer(world.usdc, 1, deposit.address as `0x${string}`, 12_000_000n);
    await world.scan();
    expect((await readIntent(id)).status).toBe("succeeded");
    expect(dialect.payment((await dialect.read(merchant, id)).body)).toMatchObject({ tx_hash: sent.hash });
    expect(JSON.stringify(await webhookOf(id, "payment.succeeded"))).toContain(sent.hash);
  });

  it(`says an intent that expired short of the amount is ${dialect.underpaid.status}, with ${dialect.underpaid.event}`, async () => {
    const merchant = await world.merchantWithWallet();
    const id = dialect.idOf((await dialect.create(merchant)).body);
    const deposit = await world.depositFor(id);
    await world.chain.transfer(world.usdc, 1, deposit.address as `0x${string}`, 2_000_000n);
    await world.passExpiry(id);
    await world.scan();
    expect((await readIntent(id)).status).toBe("underpaid");
    expect(dialect.payment((await dialect.read(merchant, id)).body).status).toBe(dialect.underpaid.status);
    expect(dialect.eventOf(await webhookOf(id, "payment.underpaid"))).toBe(dialect.underpaid.event);
  });
});

describe("the stripe dialect", () => {
  it("shows a payment made on chain as a crypto PaymentIntent, and an underpaid one as canceled", () => {
    const paid = { ...sampleIntent("stripe"), attempts: [], card: null, txHash: `0x${"ab".repeat(32)}` };
    expect(renderPaymentIntent(paid)).toMatchObject({ status: "succeeded", payment_method_types: ["crypto"], latest_charge: expect.stringMatching(/^ch_/) });
    expect(renderPaymentIntent(paid, { latestCharge: true }).latest_charge).toMatchObject({
      object: "charge",
      status: "succeeded",
      payment_intent: paid.id,
      payment_method_details: { type: "crypto", crypto: { transaction_hash: paid.txHash } },
    });
    expect(renderPaymentIntent({ ...paid, status: "underpaid" })).toMatchObject({ status: "canceled", cancellation_reason: "automatic" });
  });
});
