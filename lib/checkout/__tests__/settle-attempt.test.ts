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
  const rerendered = { ...(await dialect.webhook.render(db, subject)) };
  const deliveries = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.eventId, event!.id));
  return { event: event!, intent: intent!, rerendered: JSON.parse(JSON.stringify(rerendered)), deliveries };
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

  it("when the intent changed between the claim and the answer, the event carries the intent as it then stands", async () => {
    const db = await getDb();
    const intent = await openIntent("native");
    const { exp_month: expMonth, exp_year: expYear } = futureExpiry();
    const card = validateCard({ number: "4242424242424242", expMonth, expYear, cvc: "123" });
    const claim = await claimAttempt(db, intent, { card });
    // Another writer comes between: the rows the claim expects are no longer the rows there are.
    await db.update(paymentIntents).set({ metadata: { order: "1", note: "changed while paying" } }).where(eq(paymentIntents.id, intent.id));
    const settled = await settleAttempt(db, claim, withoutChallenge(await authorizeAttempt(getProcessor(), claim, card)), { actor: { type: "buyer" } });
    expect(settled.intent).toMatchObject({ status: "succeeded", metadata: { order: "1", note: "changed while paying" } });
    const { event, rerendered } = await lastEventAgainstStoredRows(intent.id);
    expect(event.payload).toEqual(rerendered);
    expect((event.payload as { data: { object: { metadata: unknown } } }).data.object.metadata).toEqual({ order: "1", note: "changed while paying" });
  });

  it("when the intent left processing meanwhile, settling writes nothing and says so", async () => {
    const db = await getDb();
    const intent = await openIntent("native");
    const { exp_month: expMonth, exp_year: expYear } = futureExpiry();
    const card = validateCard({ number: "4242424242424242", expMonth, expYear, cvc: "123" });
    const claim = await claimAttempt(db, intent, { card });
    await db.update(paymentIntents).set({ status: "failed" }).where(eq(paymentIntents.id, intent.id));
    const before = await db.select().from(events).where(eq(events.intentId, intent.id));
    await expect(settleAttempt(db, claim, withoutChallenge(await authorizeAttempt(getProcessor(), claim, card)), { actor: { type: "buyer" } })).rejects.toThrow(/left processing/);
    expect(await db.select().from(events).where(eq(events.intentId, intent.id))).toHaveLength(before.length);
    const [attempt] = await db.select().from(paymentAttempts).where(eq(paymentAttempts.id, claim.attempt.id));
    expect(attempt!.status).toBe("processing");
  });
});
