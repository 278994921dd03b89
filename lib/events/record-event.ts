import { events, type Event } from "@/db/schema";
import type { Db } from "@/db/client";
import { newId } from "@/lib/ids";

export type EventType =
  | "payment.created"
  | "payment.succeeded"
  | "payment.authorized"
  | "payment.failed"
  | "payment.canceled"
  | "payment.expired"
  | "subscription.created"
  | "subscription.canceled";

export type Actor =
  | { type: "api_key"; id: string }
  | { type: "user"; id: string }
  | { type: "buyer" }
  | { type: "system" };

export function actorLabel(actor: Actor): string {
  return "id" in actor ? `${actor.type}:${actor.id}` : actor.type;
}

export type NewEvent = {
  merchantId: string;
  type: EventType;
  actor: Actor;
  intentId?: string;
  subscriptionId?: string;
  data: Record<string, unknown>;
};

/** Appends to the audit trail; call it with the same transaction as the change it records. */
export async function recordEvent(db: Db, event: NewEvent): Promise<Event> {
  const [row] = await db
    .insert(events)
    .values({
      id: newId("evt"),
      merchantId: event.merchantId,
      type: event.type,
      intentId: event.intentId ?? null,
      subscriptionId: event.subscriptionId ?? null,
      actor: actorLabel(event.actor),
      data: event.data,
    })
    .returning();
  return row!;
}
