import type { Event, PaymentAttempt, PaymentIntent, Refund, Subscription } from "@/db/schema";
import { events } from "@/db/schema";
import type { Db } from "@/db/client";
import { newId } from "@/lib/ids";
import { dialectDefinition } from "@/lib/dialects/registry";
import { enqueueDeliveries } from "@/lib/webhooks/enqueue-deliveries";
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
  const [row] = await db
    .insert(events)
    .values({
      id,
      merchantId: event.merchantId,
      type: event.type,
      intentId: event.intent?.id ?? event.subscription?.intentId ?? null,
      subscriptionId: event.subscription?.id ?? null,
      actor: actorLabel(event.actor),
      data: auditData(event),
      payload,
      dialect: payload ? dialect.name : null,
      createdAt,
    })
    .returning();
  if (payload) await enqueueDeliveries(db, row!, { apiKeyId: event.intent?.apiKeyId ?? null });
  return row!;
}

/** The audit copy: the objects as they were right after the change, without the client secret. */
function auditData(event: NewEvent): Record<string, unknown> {
  const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
  const intent = event.intent ? (({ clientSecret: _secret, ...rest }) => rest)(event.intent) : undefined;
  return {
    ...(intent ? { object: plain(intent) } : event.subscription ? { object: plain(event.subscription) } : {}),
    ...(intent && event.subscription ? { subscription: plain(event.subscription) } : {}),
    ...(event.attempt ? { attempt_id: event.attempt.id } : {}),
    ...(event.refund ? { refund: plain(event.refund) } : {}),
    ...event.details,
  };
}
