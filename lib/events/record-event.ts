import type { Event, Mode, PaymentAttempt, PaymentIntent, Refund, Subscription, WebhookMessage } from "@/db/schema";
import { eventSequences, events, paymentIntents, refunds, subscriptions } from "@/db/schema";
import { asStoredRow, fromRow } from "@/db/from-row";
import { queryRows } from "@/db/rows";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { newId } from "@/lib/ids";
import { defaultDialect, dialectDefinition } from "@/lib/dialects/registry";
import { receiptInsert } from "@/lib/receipts/receipt-insert";
import { deliveriesInsert } from "@/lib/webhooks/enqueue-deliveries";
import { nudgeWorker } from "@/lib/worker/nudge";
import { currentTime } from "@/lib/test-clocks/clock-context";
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
  /** The mode of an event about neither an intent nor a subscription (theirs otherwise). */
  mode?: Mode;
};

/**
 * Appends to the audit trail and, for events a merchant can subscribe to, renders the webhook body in
 * the intent's dialect and queues one delivery per matching endpoint. Call it with the transaction of
 * the change it records, so the change, its event and its deliveries commit or vanish together.
 */
export async function recordEvent(db: Db, event: NewEvent): Promise<Event> {
  const rendered = await renderEvent(db, event);
  // The event, its webhook deliveries and the buyer's receipt in one statement: one round trip, and
  // nothing queued without its event.
  const [row] = await queryRows<Record<string, unknown>>(
    db,
    sql`with ${eventWrites(rendered)} select recorded.*, (select count(*) from queued)::int as queued, (select count(*) from receipt)::int as receipts from recorded`,
  );
  afterEventWrites(row!);
  return fromRow(events, row!);
}

/**
 * An event with its webhook rendered, ready to be written by recordEvent or inside a larger
 * statement: one body (`payload`), or for a dialect that sends several, `messages`.
 */
export type RenderedEvent = {
  event: NewEvent;
  id: string;
  createdAt: Date;
  dialect: string;
  payload: Record<string, unknown> | null;
  messages: WebhookMessage[] | null;
  /** Whether the dialect's body carries the object's sequence (its own format may have no room for it). */
  sequenceInBody?: boolean;
};

export async function renderEvent(db: Db, event: NewEvent): Promise<RenderedEvent> {
  const id = newId("evt");
  // A test clock's time while it runs the change; now otherwise.
  const createdAt = currentTime();
  // The webhook speaks the dialect that created the intent (or subscription); an event about neither, Kassa's own.
  const owner = event.intent?.dialect ?? event.subscription?.dialect;
  const dialect = owner ? dialectDefinition(owner) : defaultDialect();
  const sent = ((dialect.webhook.events ?? STANDARD_WEBHOOK_EVENTS) as readonly string[]).includes(event.type);
  const rendered = { event, id, createdAt, dialect: dialect.name, payload: null, messages: null, sequenceInBody: dialect.webhook.sequenceInBody !== false };
  if (!sent) return rendered;
  const subject = { ...event, id, createdAt };
  if (!dialect.webhook.renderMessages) return { ...rendered, payload: await dialect.webhook.render(db, subject) };
  const messages = await dialect.webhook.renderMessages(db, subject);
  return { ...rendered, messages: messages.length > 0 ? messages : null };
}

/**
 * The WITH entries that write an event (`recorded`), its deliveries (`queued`) and its receipt
 * (`receipt`), each a relation the rest of the statement may count. `when` makes them all depend on
 * a condition of that statement (the change they record having happened).
 */
export function eventWrites({ event, id, createdAt, dialect, payload, messages, sequenceInBody = true }: RenderedEvent, when?: SQL): SQL {
  const receipt = receiptInsert(event);
  const sent = payload !== null || messages !== null;
  const objectId = objectOf(event);
  // Only events a receiver hears of are numbered, so the numbers it sees have no gaps of Kassa's making.
  const numbered = sent && objectId !== null;
  const sequence = numbered ? sql`(select last_sequence from numbered)` : sql`null::integer`;
  const body = payload && numbered && sequenceInBody ? sql`${sql.param(payload, events.payload)}::jsonb || jsonb_build_object('sequence', ${sequence})` : payload ? sql.param(payload, events.payload) : null;
  return sql`
    numbered as (${
      numbered
        ? sql`insert into ${eventSequences} (object_id, last_sequence) select ${objectId}, 1 ${when ? sql`where ${when}` : sql``}
              on conflict (object_id) do update set last_sequence = ${eventSequences.lastSequence} + 1 returning last_sequence`
        : sql`select null where false`
    }),
    recorded as (
      insert into ${events} (id, merchant_id, mode, type, intent_id, subscription_id, object_id, object_sequence, actor, data, payload, messages, dialect, created_at)
      select ${id}, ${event.merchantId}, ${event.intent?.mode ?? event.subscription?.mode ?? event.mode ?? "test"}, ${event.type}, ${event.intent?.id ?? event.subscription?.intentId ?? null},
             ${event.subscription?.id ?? null}, ${objectId}, ${sequence}, ${actorLabel(event.actor)}, ${sql.param(auditData(event), events.data)},
             ${body}, ${messages ? sql.param(messages, events.messages) : null},
             ${sent ? dialect : null}, ${sql.param(createdAt, events.createdAt)}
      ${when ? sql`where ${when}` : sql``}
      returning *),
    queued as (${sent ? deliveriesInsert(sql`recorded`, { apiKeyId: event.intent?.apiKeyId ?? null }, { several: messages !== null }) : sql`select null where false`}),
    receipt as (${receipt ?? sql`select null where false`})`;
}

/** Whose change an event tells of: a subscription's events are the subscription's, the rest their intent's. */
function objectOf(event: NewEvent): string | null {
  if (event.type.startsWith("subscription.") && event.subscription) return event.subscription.id;
  return event.intent?.id ?? event.subscription?.id ?? null;
}

/** After the statement that wrote an event: the worker wakes for what it queued (or polls for it, if it ran before the commit). */
export function afterEventWrites(counts: Record<string, unknown>): void {
  if (Number(counts.queued ?? 0) > 0 || Number(counts.receipts ?? 0) > 0) nudgeWorker();
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
