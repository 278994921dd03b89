import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { events, paymentAttempts, paymentIntents, webhookDeliveries, type Dialect } from "@/db/schema";
import { asStoredRow } from "@/db/from-row";
import { dialectDefinition } from "@/lib/dialects/registry";
import { createIntent } from "@/lib/intents/create-intent";
import type { EventType } from "@/lib/events/event-types";
import { withDetail } from "@/lib/intents/intent-details";
import { insertWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { createTestMerchant, futureExpiry, payIntent } from "@/lib/testing/fixtures";
import { validateCard } from "../card";
import { claimAttempt } from "../claim-attempt";
import { settleAttempt } from "../settle-attempt";
import { getProcessor } from "../simulated-processor";
import { authorizeAttempt, withoutChallenge } from "../authorize-attempt";

const DIALECTS: Dialect[] = ["native", "mint", "mintro", "shop", "mutopay", "gateway"];

async function openIntent(dialect: Dialect, input: { captureMethod?: "automatic" | "manual" } = {}) {
  const { merchant } = await createTestMerchant();
  const db = await getDb();
  await insertWebhookEndpoint(db, merchant.id, { url: "https://merchant.example/hooks" });
  return createIntent(
    db,
    merchant,
    { dialect, amount: 4200, currency: "USD", referenceId: `ORDER-${Math.random()}`, customerEmail: "ada@example.com", metadata: { order: "1" }, successUrl: "https://shop.example/ok", ...input },
    { type: "system" },
  );
}

/** The intent's last event, and what its dialect renders from the rows as they now stand in the database. */
async function lastEventAgainstStoredRows(intentId: string) {
  const db = await getDb();
  const [event] = await db.select().from(events).where(eq(events.intentId, intentId)).orderBy(sql`${events.sequence} desc`).limit(1);
  const [intent] = await db.select().from(paymentIntents).where(eq(paymentIntents.id, intentId));
  const [attempt] = await db.select().from(paymentAttempts).where(eq(paymentAttempts.intentId, intentId)).orderBy(sql`${paymentAttempts.number} desc`).limit(1);
  const details = await withDetail(db, intent!);
  // The audit copy keeps the event's details (a decline's code and message) beside the object.
  const { object: _object, attempt_id: _attemptId, ...eventDetails } = event!.data as Record<string, unknown>;
  const subject = { merchantId: intent!.merchantId, type: event!.type as EventType, intent: details, attempt: attempt!, actor: { type: "buyer" as const }, details: eventDetails, id: event!.id, createdAt: event!.createdAt };
  const dialect = dialectDefinition(intent!.dialect);
  // Plus the object's own event number, which the statement that records the event adds.
  const rerendered = { ...(await dialect.webhook.render(db, subject)), sequence: event!.objectSequence };
  const deliveries = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.eventId, event!.id));
  return { event: event!, intent: intent!, rerendered: JSON.parse(JSON.stringify(rerendered)), deliveries };
}

function cardFor(number: string) {
  const { exp_month: expMonth, exp_year: expYear } = futureExpiry();
  return validateCard({ number, expMonth, expYear, cvc: "123" });
}

/** The database, counting the transactions opened through it. */
async function countingTransactions() {
  const db = await getDb();
  const counter = { opened: 0 };
  const counted = new Proxy(db, {
    get(target, property, receiver) {
      if (property === "transaction") counter.opened++;
      return Reflect.get(target, property, receiver);
    },
  });
  return { db: counted, counter };
}

/** A native intent claimed with `number` and the acquirer not yet asked; `settle` asks it and settles, counting transactions. */
async function claimedWith(number = "4242424242424242", intent?: Awaited<ReturnType<typeof openIntent>>) {
  const { db, counter } = await countingTransactions();
  intent ??= await openIntent("native");
  const card = cardFor(number);
  const claim = await claimAttempt(db, intent, { card });
  const settle = async () => settleAttempt(db, claim, withoutChallenge(await authorizeAttempt(getProcessor(), claim, card)), { actor: { type: "buyer" } });
  return { intent, claim, settle, transactions: counter };
}

describe("settling a payment", () => {
  for (const dialect of DIALECTS) {
    it(`${dialect}: the webhook body and audit copy written with a first attempt are exactly what the stored rows render`, async () => {
      for (const [card, type] of [
        ["4242424242424242", "payment.succeeded"],
        ["4000000000009995", "payment.failed"],
      ] as const) {
        const intent = await openIntent(dialect);
        await payIntent(intent.id, card);
        const { event, intent: stored, rerendered, deliveries } = await lastEventAgainstStoredRows(intent.id);
        expect(event.type).toBe(type);
        expect(event.payload).toEqual(rerendered);
        expect(deliveries).toHaveLength(1);
        expect((event.data as { object: unknown }).object).toEqual(asStoredRow(paymentIntents, stored, ["clientSecret"]));
      }
    });
  }

  it("an authorization (manual capture) is recorded from the rows it wrote, too", async () => {
    // Seed 002's service is the dialect that sends authorizations by webhook.
    const intent = await openIntent("gateway", { captureMethod: "manual" });
    expect((await payIntent(intent.id)).outcome).toBe("authorized");
    const { event, intent: stored, rerendered } = await lastEventAgainstStoredRows(intent.id);
    expect(stored).toMatchObject({ status: "authorized", amountCaptured: 0 });
    expect(event.type).toBe("payment.authorized");
    expect(event.payload).toEqual(rerendered);
    expect((event.data as { object: unknown }).object).toEqual(asStoredRow(paymentIntents, stored, ["clientSecret"]));
  });

  it("settles a first attempt, its event, webhook delivery and receipt in one statement, with no transaction", async () => {
    const db = await getDb();
    const { intent, settle, transactions } = await claimedWith();
    expect((await settle()).outcome).toBe("succeeded");
    expect(transactions.opened).toBe(0);
    const { event, deliveries } = await lastEventAgainstStoredRows(intent.id);
    expect(event.type).toBe("payment.succeeded");
    expect(deliveries).toHaveLength(1);
    const receipts = await db.execute(sql`select 1 from email_messages where intent_id = ${intent.id}`);
    expect(Array.isArray(receipts) ? receipts.length : (receipts as { rows: unknown[] }).rows.length).toBe(1);
  });

  it("a stale claim (the reconciler's, read before its attempt was settled) moves nothing once the buyer has tried again", async () => {
    const db = await getDb();
    const first = await claimedWith("4000000000009995");
    // The reconciler read attempt 1 while it was processing: a claim read, not written, so no row version.
    const stale = { ...first.claim, intentVersion: undefined };
    expect((await first.settle()).outcome).toBe("declined");
    const second = await claimedWith("4242424242424242", first.intent);
    const eventsBefore = await db.select().from(events).where(eq(events.intentId, first.intent.id));

    const approved = { approved: true as const, processorReference: "sim_stale", authorizationCode: "STALE1" };
    await expect(settleAttempt(db, stale, approved, { actor: { type: "system" } })).rejects.toThrow(/left processing/);

    const [intentNow] = await db.select().from(paymentIntents).where(eq(paymentIntents.id, first.intent.id));
    expect(intentNow).toMatchObject({ status: "processing", attemptCount: 2, amountCaptured: 0 });
    const attempts = await db.select().from(paymentAttempts).where(eq(paymentAttempts.intentId, first.intent.id)).orderBy(paymentAttempts.number);
    expect(attempts.map((attempt) => attempt.status)).toEqual(["declined", "processing"]);
    expect(await db.select().from(events).where(eq(events.intentId, first.intent.id))).toHaveLength(eventsBefore.length);
    // The buyer's own attempt still settles.
    expect((await second.settle()).outcome).toBe("succeeded");
  });

  it("when the intent changed between the claim and the answer, the event carries the intent as it then stands", async () => {
    const db = await getDb();
    const { intent, claim, settle, transactions } = await claimedWith();
    // Another writer comes between: the rows the claim expects are no longer the rows there are.
    await db.update(paymentIntents).set({ metadata: { order: "1", note: "changed while paying" } }).where(eq(paymentIntents.id, intent.id));
    const settled = await settle();
    // The one-statement settlement saw another row version and left it to the transaction.
    expect(transactions.opened).toBe(1);
    expect(settled.intent).toMatchObject({ status: "succeeded", metadata: { order: "1", note: "changed while paying" } });
    const { event, rerendered } = await lastEventAgainstStoredRows(intent.id);
    expect(event.payload).toEqual(rerendered);
    expect((event.payload as { data: { object: { metadata: unknown } } }).data.object.metadata).toEqual({ order: "1", note: "changed while paying" });
  });

  it("when the intent left processing meanwhile, settling writes nothing and says so", async () => {
    const db = await getDb();
    const { intent, claim, settle, transactions } = await claimedWith();
    await db.update(paymentIntents).set({ status: "failed" }).where(eq(paymentIntents.id, intent.id));
    const before = await db.select().from(events).where(eq(events.intentId, intent.id));
    await expect(settle()).rejects.toThrow(/left processing/);
    expect(await db.select().from(events).where(eq(events.intentId, intent.id))).toHaveLength(before.length);
    const [attempt] = await db.select().from(paymentAttempts).where(eq(paymentAttempts.id, claim.attempt.id));
    expect(attempt!.status).toBe("processing");
  });
});
