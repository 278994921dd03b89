import { and, eq } from "drizzle-orm";
import { events, paymentIntents, type Event } from "@/db/schema";
import type { Db } from "@/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";
import { getWebhookEndpoint } from "./endpoints";
import { enqueueDeliveries } from "./enqueue-deliveries";
import { eventMessages } from "./webhook-format";
import { ownedBy, type Owner } from "@/db/owner";

/**
 * Sends an event again, with the same webhook-id so a receiver that already has it can tell, to one
 * endpoint or to every endpoint that wants it now.
 */
export async function redeliverEvent(db: Db, owner: Owner, eventId: string, endpointId?: string): Promise<{ event: Event; queued: number }> {
  const [row] = await db
    .select({ event: events, apiKeyId: paymentIntents.apiKeyId })
    .from(events)
    .leftJoin(paymentIntents, eq(paymentIntents.id, events.intentId))
    .where(and(eq(events.id, eventId), ownedBy(events, owner)));
  if (!row) throw notFound("event", eventId, "id");
  const { event } = row;
  if (eventMessages(event).length === 0) throw new AppError("parameter_invalid", `Event ${eventId} (${event.type}) is not sent by webhook.`, { param: "id" });
  if (endpointId) await getWebhookEndpoint(db, owner, endpointId);
  const target = endpointId ? { endpointId } : { apiKeyId: row.apiKeyId };
  const queued = await db.transaction((tx) => enqueueDeliveries(tx, event, target));
  return { event, queued };
}
