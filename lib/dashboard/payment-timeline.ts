import { and, asc, eq, inArray } from "drizzle-orm";
import { events, refunds, webhookDeliveries, type Event, type Refund, type WebhookDelivery } from "@/db/schema";
import type { Db } from "@/db/client";
import type { AttemptWithCard } from "@/lib/intents/intent-details";

export type TimelineEntry = {
  id: string;
  at: Date;
  type: string;
  actor: string;
  attempt: AttemptWithCard | null;
  refund: Refund | null;
  details: Record<string, unknown>;
  deliveries: WebhookDelivery[];
};

/** Everything that happened to a payment, in order, with the webhooks each step sent. */
export async function paymentTimeline(db: Db, merchantId: string, intentId: string, attempts: AttemptWithCard[]): Promise<TimelineEntry[]> {
  const trail: Event[] = await db
    .select()
    .from(events)
    .where(and(eq(events.merchantId, merchantId), eq(events.intentId, intentId)))
    .orderBy(asc(events.sequence));
  if (trail.length === 0) return [];
  const deliveries = await db.select().from(webhookDeliveries).where(inArray(webhookDeliveries.eventId, trail.map((event) => event.id)));
  const refundRows = await db.select().from(refunds).where(eq(refunds.intentId, intentId));
  return trail.map((event) => {
    const data = event.data as Record<string, unknown>;
    const refundId = (data.refund as { id?: string } | undefined)?.id;
    return {
      id: event.id,
      at: event.createdAt,
      type: event.type,
      actor: event.actor,
      attempt: attempts.find((attempt) => attempt.id === data.attempt_id) ?? null,
      refund: refundRows.find((refund) => refund.id === refundId) ?? null,
      details: data,
      deliveries: deliveries.filter((delivery) => delivery.eventId === event.id),
    };
  });
}
