import { and, eq, isNull } from "drizzle-orm";
import { webhookDeliveries, webhookEndpoints, type Event } from "@/db/schema";
import type { Db } from "@/db/client";
import { randomBase62 } from "@/lib/crypto/tokens";
import { nudgeWorker } from "@/lib/worker/nudge";

/** One delivery per enabled endpoint of the merchant that wants this type, in the caller's transaction. */
export async function enqueueDeliveries(db: Db, event: Event, onlyEndpointId?: string): Promise<number> {
  const endpoints = await db
    .select({ id: webhookEndpoints.id, events: webhookEndpoints.events })
    .from(webhookEndpoints)
    .where(
      and(
        eq(webhookEndpoints.merchantId, event.merchantId),
        eq(webhookEndpoints.enabled, true),
        isNull(webhookEndpoints.deletedAt),
        onlyEndpointId ? eq(webhookEndpoints.id, onlyEndpointId) : undefined,
      ),
    );
  const wanted = endpoints.filter((endpoint) => onlyEndpointId || endpoint.events.length === 0 || endpoint.events.includes(event.type));
  if (wanted.length === 0) return 0;
  await db.insert(webhookDeliveries).values(
    wanted.map((endpoint) => ({ id: `whd_${randomBase62(24)}`, merchantId: event.merchantId, eventId: event.id, endpointId: endpoint.id })),
  );
  nudgeWorker();
  return wanted.length;
}
