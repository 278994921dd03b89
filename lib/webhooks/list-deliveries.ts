import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { events, webhookAttempts, webhookDeliveries, type Event, type WebhookAttempt, type WebhookDelivery } from "@/db/schema";
import type { Db } from "@/db/client";
import { merchantOf, type Owner } from "@/db/owner";

export type DeliveryLog = WebhookDelivery & { event: Pick<Event, "id" | "type" | "createdAt">; attempts: WebhookAttempt[] };

/** The latest deliveries to one endpoint (or of one event), each with every attempt it took. */
export async function listDeliveries(
  db: Db,
  owner: Owner,
  filter: { endpointId?: string; eventId?: string },
  limit = 50,
): Promise<DeliveryLog[]> {
  const rows = await db
    .select({ delivery: webhookDeliveries, event: { id: events.id, type: events.type, createdAt: events.createdAt } })
    .from(webhookDeliveries)
    .innerJoin(events, eq(events.id, webhookDeliveries.eventId))
    .where(
      and(
        eq(webhookDeliveries.merchantId, merchantOf(owner)),
        filter.endpointId ? eq(webhookDeliveries.endpointId, filter.endpointId) : undefined,
        filter.eventId ? eq(webhookDeliveries.eventId, filter.eventId) : undefined,
      ),
    )
    .orderBy(desc(webhookDeliveries.createdAt))
    .limit(limit);
  if (rows.length === 0) return [];
  const attempts = await db
    .select()
    .from(webhookAttempts)
    .where(inArray(webhookAttempts.deliveryId, rows.map((row) => row.delivery.id)))
    .orderBy(asc(webhookAttempts.number));
  return rows.map(({ delivery, event }) => ({
    ...delivery,
    event,
    attempts: attempts.filter((attempt) => attempt.deliveryId === delivery.id),
  }));
}
