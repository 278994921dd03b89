import type { Event, PaymentAttempt, PaymentIntent, Refund, Subscription } from "@/db/schema";
import { events, paymentIntents, refunds, subscriptions } from "@/db/schema";
import { asStoredRow, fromRow } from "@/db/from-row";
import { queryRows } from "@/db/rows";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { newId } from "@/lib/ids";
import { dialectDefinition } from "@/lib/dialects/registry";
import { receiptInsert } from "@/lib/receipts/receipt-insert";
import { deliveriesInsert } from "@/lib/webhooks/enqueue-deliveries";
import { nudgeWorker } from "@/lib/worker/nudge";
import { STANDARD_WEBHOOK_EVENTS, type EventType } from "./event-types";

export type { EventType } from "./event-types";

export type Actor =
  | { type: "api_key"; id: string }
  | { type: "user"; id: string }
  | { type: "buyer" }
  | { type: "system" };

export function actorLabel(actor: Actor): string {
  return "id" in actor ? `${actor.type}:${actor.id}` : actor.type;
}

/** What happened, to which objects, and any detail worth keeping (decline code, reason, message). */
export type NewEvent = {
  merchantId: string;
  type: EventType;
  actor: Actor;
  intent?: PaymentIntent;
  subscription?: Subscription;
  attempt?: PaymentAttempt;
  refund?: Refund;
  details?: Record<string, unknown>;
};

/**
 * Appends to the audit trail and, for events a merchant can subscribe to, renders the webhook body in
 * the intent's dialect and queues one delivery per matching endpoint. Call it with the transaction of
 * the change it records, so the change, its event and its deliveries commit or vanish together.
 */
export async function recordEvent(db: Db, event: NewEvent): Promise<Event> {
  const id = newId("evt");
  const createdAt = new Date();
  // The webhook speaks the dialect that created the intent (or subscription); an event about neither, the native one.
  const dialect = dialectDefinition(event.intent?.dialect ?? event.subscription?.dialect ?? "native");
  const sent = ((dialect.webhook.events ?? STANDARD_WEBHOOK_EVENTS) as readonly string[]).includes(event.type);
  const payload = sent ? await dialect.webhook.render(db, { ...event, id, createdAt }) : null;
  const insert = sql`
    insert into ${events} (id, merchant_id, type, intent_id, subscription_id, actor, data, payload, dialect, created_at)
    values (${id}, ${event.merchantId}, ${event.type}, ${event.intent?.id ?? event.subscription?.intentId ?? null},
            ${event.subscription?.id ?? null}, ${actorLabel(event.actor)}, ${sql.param(auditData(event), events.data)},
            ${payload ? sql.param(payload, events.payload) : null}, ${payload ? dialect.name : null}, ${sql.param(createdAt, events.createdAt)})
    returning *`;
  // The event, its webhook deliveries and the buyer's receipt in one statement: one round trip, and
  // nothing queued without its event.
  const receipt = receiptInsert(event);
  const [row] = await queryRows<Record<string, unknown>>(
    db,
    payload || receipt
      ? sql`
          with recorded as (${insert}),
          queued as (${payload ? deliveriesInsert(sql`recorded`, { apiKeyId: event.intent?.apiKeyId ?? null }) : sql`select null where false`}),
          receipt as (${receipt ?? sql`select null where false`})
          select recorded.*, (select count(*) from queued)::int as queued, (select count(*) from receipt)::int as receipts from recorded`
      : insert,
  );
  if (Number(row!.queued ?? 0) > 0 || Number(row!.receipts ?? 0) > 0) nudgeWorker();
  return fromRow(events, row!);
}

/** The audit copy: the objects as stored right after the change (keyed by column), without the client secret. */
function auditData(event: NewEvent): Record<string, unknown> {
  const intent = event.intent ? asStoredRow(paymentIntents, event.intent, ["clientSecret"]) : undefined;
  const subscription = event.subscription ? asStoredRow(subscriptions, event.subscription) : undefined;
  return {
    ...(intent ? { object: intent } : subscription ? { object: subscription } : {}),
    ...(intent && subscription ? { subscription } : {}),
    ...(event.attempt ? { attempt_id: event.attempt.id } : {}),
    ...(event.refund ? { refund: asStoredRow(refunds, event.refund) } : {}),
    ...event.details,
  };
}
