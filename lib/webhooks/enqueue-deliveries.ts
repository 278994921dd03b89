import { and, eq, isNull, or } from "drizzle-orm";
import { webhookDeliveries, webhookEndpoints, type Event } from "@/db/schema";
import type { Db } from "@/db/client";
import { randomBase62 } from "@/lib/crypto/tokens";
import { nudgeWorker } from "@/lib/worker/nudge";

export type DeliveryTarget =
  /** One endpoint, whatever it subscribes to (a test event, a redelivery the merchant aimed). */
  | { endpointId: string }
  /** Every endpoint that wants this type; endpoints scoped to a key only when the payment is that key's. */
  | { apiKeyId: string | null };

/** One delivery per enabled endpoint of the merchant that the event is for, in the caller's transaction. */
export async function enqueueDeliveries(db: Db, event: Event, target: DeliveryTarget): Promise<number> {
  const scope =
    "endpointId" in target
      ? eq(webhookEndpoints.id, target.endpointId)
      : target.apiKeyId
        ? or(isNull(webhookEndpoints.apiKeyId), eq(webhookEndpoints.apiKeyId, target.apiKeyId))
        : isNull(webhookEndpoints.apiKeyId);
  const endpoints = await db
    .select({ id: webhookEndpoints.id, events: webhookEndpoints.events })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.merchantId, event.merchantId), eq(webhookEndpoints.enabled, true), isNull(webhookEndpoints.deletedAt), scope));
  const wanted = endpoints.filter((endpoint) => "endpointId" in target || endpoint.events.length === 0 || endpoint.events.includes(event.type));
  if (wanted.length === 0) return 0;
  await db.insert(webhookDeliveries).values(
    wanted.map((endpoint) => ({ id: `whd_${randomBase62(24)}`, merchantId: event.merchantId, eventId: event.id, endpointId: endpoint.id })),
  );
  nudgeWorker();
  return wanted.length;
}
