import { sql, type SQL } from "drizzle-orm";
import { webhookDeliveries, webhookEndpoints, type Event } from "@/db/schema";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/rows";
import { nudgeWorker } from "@/lib/worker/nudge";

export type DeliveryTarget =
  /** One endpoint, whatever it subscribes to (a test event, a redelivery the merchant aimed). */
  | { endpointId: string }
  /** Every endpoint that wants this type; endpoints scoped to a key only when the payment is that key's. */
  | { apiKeyId: string | null };

/**
 * The INSERT that queues one delivery per enabled endpoint of the event's merchant that the target
 * picks, reading the event from `source` (a relation with id, merchant_id and type): a statement of
 * its own, or part of the one that records the event.
 */
export function deliveriesInsert(source: SQL, target: DeliveryTarget): SQL {
  const picks =
    "endpointId" in target
      ? sql`endpoint.id = ${target.endpointId}`
      : sql`(jsonb_array_length(endpoint.events) = 0 or endpoint.events ? event.type)
            and (endpoint.api_key_id is null ${target.apiKeyId ? sql`or endpoint.api_key_id = ${target.apiKeyId}` : sql``})`;
  return sql`
    insert into ${webhookDeliveries} (id, merchant_id, event_id, endpoint_id)
    select 'whd_' || replace(gen_random_uuid()::text, '-', ''), event.merchant_id, event.id, endpoint.id
    from ${source} event
    join ${webhookEndpoints} endpoint on endpoint.merchant_id = event.merchant_id
    where endpoint.enabled and endpoint.deleted_at is null and ${picks}
    returning id`;
}

/** Queues an event that is already recorded (a test event, a redelivery), in the caller's transaction. */
export async function enqueueDeliveries(db: Db, event: Event, target: DeliveryTarget): Promise<number> {
  const source = sql`(select ${event.id}::varchar as id, ${event.merchantId}::uuid as merchant_id, ${event.type}::varchar as type)`;
  const queued = (await queryRows<{ id: string }>(db, deliveriesInsert(source, target))).length;
  if (queued > 0) nudgeWorker();
  return queued;
}
