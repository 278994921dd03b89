import { sql } from "drizzle-orm";
import { events, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import type { Db } from "@/db/client";
import { jsonValue, queryRows } from "@/db/rows";
import { andModeOf, merchantOf, type Owner } from "@/db/owner";

export type EventDelivery = { id: string; endpointId: string; endpointUrl: string; status: string; attemptCount: number; lastStatusCode: number | null; lastError: string | null };
export type EventRow = { id: string; type: string; intentId: string | null; subscriptionId: string | null; actor: string; createdAt: Date; deliveries: EventDelivery[] };
export type EventPage = { events: EventRow[]; olderThan: string | null };

/**
 * The merchant's events, newest first, each with every delivery of it and the endpoint it went to:
 * one statement, a page at a time (the merchant-and-date index serves the order and the cursor).
 * Events of one transaction share a millisecond: their sequence, not their random id, orders them.
 */
export async function listEvents(db: Db, owner: Owner, options: { limit?: number; before?: string; type?: string } = {}): Promise<EventPage> {
  const limit = options.limit ?? 50;
  const cursor = options.before
    ? sql`and (e.created_at, e.sequence) < (select created_at, sequence from ${events} where id = ${options.before} and merchant_id = ${merchantOf(owner)} ${andModeOf(owner)})`
    : sql``;
  const type = options.type ? sql`and e.type = ${options.type}` : sql``;
  const rows = await queryRows<{ id: string; type: string; intent_id: string | null; subscription_id: string | null; actor: string; created_at: string | Date; deliveries: unknown }>(
    db,
    sql`select e.id, e.type, e.intent_id, e.subscription_id, e.actor, e.created_at,
               coalesce((select json_agg(json_build_object('id', d.id, 'endpointId', d.endpoint_id, 'endpointUrl', w.url, 'status', d.status,
                                  'attemptCount', d.attempt_count, 'lastStatusCode', d.last_status_code, 'lastError', d.last_error) order by d.created_at)
                         from ${webhookDeliveries} d join ${webhookEndpoints} w on w.id = d.endpoint_id
                         where d.event_id = e.id and d.merchant_id = e.merchant_id), '[]'::json) as deliveries
        from ${events} e
        where e.merchant_id = ${merchantOf(owner)} ${andModeOf(owner, "e")} ${cursor} ${type}
        order by e.created_at desc, e.sequence desc
        limit ${limit + 1}`,
  );
  const page = rows.slice(0, limit).map((row) => ({
    id: row.id,
    type: row.type,
    intentId: row.intent_id,
    subscriptionId: row.subscription_id,
    actor: row.actor,
    createdAt: new Date(row.created_at),
    deliveries: jsonValue<EventDelivery[]>(row.deliveries),
  }));
  return { events: page, olderThan: rows.length > limit ? page.at(-1)!.id : null };
}
