import { and, asc, eq, inArray } from "drizzle-orm";
import { events, refunds, webhookDeliveries, webhookEndpoints, type Event, type Refund, type WebhookDelivery } from "@/db/schema";
import type { Db } from "@/db/client";
import type { AttemptWithCard } from "@/lib/intents/intent-details";
import { ownedBy, type Owner } from "@/db/owner";

export type TimelineEntry = {
  id: string;
  at: Date;
  type: string;
  actor: string;
  attempt: AttemptWithCard | null;
  refund: Refund | null;
  details: Record<string, unknown>;
  deliveries: TimelineDelivery[];
};

/** A webhook the step sent, with the endpoint it went to, so a failure says where. */
export type TimelineDelivery = WebhookDelivery & { endpointUrl: string };

/** Everything that happened to a payment, in order, with the webhooks each step sent. */
export async function paymentTimeline(db: Db, owner: Owner, intentId: string, attempts: AttemptWithCard[]): Promise<TimelineEntry[]> {
  const trail: Event[] = await db
    .select()
    .from(events)
    .where(and(ownedBy(events, owner), eq(events.intentId, intentId)))
    .orderBy(asc(events.sequence));
  if (trail.length === 0) return [];
  const deliveries = (
    await db
      .select({ delivery: webhookDeliveries, endpointUrl: webhookEndpoints.url })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .where(inArray(webhookDeliveries.eventId, trail.map((event) => event.id)))
  ).map(({ delivery, endpointUrl }) => ({ ...delivery, endpointUrl }));
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
