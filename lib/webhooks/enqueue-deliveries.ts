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
 * picks, reading the event from `source` (a relation with id, merchant_id, type, dialect and messages): a
 * statement of its own, or part of the one that records the event. With `several`, the event's
 * dialect wrote several webhooks (events.messages): each is queued to the endpoints that subscribe
 * to its own type, or to the event's. An endpoint made through one dialect's API hears only of events
 * told in that dialect; and an endpoint hears only of events of its own mode (test or live).
 */
export function deliveriesInsert(source: SQL, target: DeliveryTarget, { several = false } = {}): SQL {
  const subscribed = several ? sql`(endpoint.events ? message.type or endpoint.events ? event.type)` : sql`endpoint.events ? event.type`;
  const picks =
    "endpointId" in target
      ? sql`endpoint.id = ${target.endpointId}`
      : sql`(jsonb_array_length(endpoint.events) = 0 or ${subscribed})
            and (endpoint.dialect is null or endpoint.dialect = event.dialect)
            and (endpoint.api_key_id is null ${target.apiKeyId ? sql`or endpoint.api_key_id = ${target.apiKeyId}` : sql``})`;
  // The one-webhook case stays a plain join: it runs inside every payment's statement.
  const messages = several
    ? sql`cross join lateral (
        select (item.ordinality - 1)::smallint as number, item.value ->> 'type' as type
        from jsonb_array_elements(event.messages) with ordinality item) message`
    : sql`cross join (select 0::smallint as number) message`;
  return sql`
    insert into ${webhookDeliveries} (id, merchant_id, event_id, endpoint_id, message, faults, next_attempt_at)
    select 'whd_' || replace(gen_random_uuid()::text, '-', ''), event.merchant_id, event.id, endpoint.id, message.number, copy.faults, now() + copy.delay
    from ${source} event
    ${messages}
    join ${webhookEndpoints} endpoint on endpoint.merchant_id = event.merchant_id
    ${faultedCopies}
    where endpoint.enabled and endpoint.deleted_at is null and endpoint.mode = event.mode and ${picks}
    returning id`;
}

/** How long out_of_order holds the first delivery of a burst back, so the ones after it go first. */
export const OUT_OF_ORDER_HOLD_SECONDS = 5;

/**
 * Each delivery as the endpoint's test faults make it (db/schema/webhooks.ts, TestFaults): one copy,
 * or two with `duplicate` (the second a second later), each with the faults it carries, for the log
 * and for the sender, and how long it waits. An endpoint without faults (every live one) gets one
 * plain copy, due now.
 */
const faultedCopies = sql`
    cross join lateral (
      select faults.list as faults, make_interval(secs => faults.wait) as delay
      from (select case when endpoint.mode = 'test' then endpoint.test_faults else '{}'::jsonb end as given) test
      cross join lateral (
        select (test.given ->> 'out_of_order')::boolean is true and not exists (
          select 1 from ${webhookDeliveries} held
          where held.endpoint_id = endpoint.id and held.status = 'pending' and held.faults ? 'out_of_order' and held.next_attempt_at > now()
        ) as held) burst
      cross join lateral (select 0 as number union all select 1 where (test.given ->> 'duplicate')::boolean is true) copies
      cross join lateral (
        select to_jsonb(array_remove(array[
            case when copies.number = 1 then 'duplicate' end,
            case when coalesce((test.given ->> 'delay_seconds')::int, 0) > 0 then 'delayed' end,
            case when burst.held then 'out_of_order' end,
            case when coalesce((test.given ->> 'fail_first')::int, 0) > 0 then 'failing' end,
            case when (test.given ->> 'stale_timestamp')::boolean is true then 'stale_timestamp' end,
            case when (test.given ->> 'wrong_signature')::boolean is true then 'wrong_signature' end
          ]::text[], null)) as list,
          coalesce((test.given ->> 'delay_seconds')::int, 0) + case when burst.held then ${OUT_OF_ORDER_HOLD_SECONDS} else 0 end + copies.number as wait
      ) faults
    ) copy`;

/** Queues an event that is already recorded (a test event, a redelivery), in the caller's transaction. */
export async function enqueueDeliveries(db: Db, event: Event, target: DeliveryTarget): Promise<number> {
  const messages = event.messages ? JSON.stringify(event.messages) : null;
  const source = sql`(select ${event.id}::varchar as id, ${event.merchantId}::uuid as merchant_id, ${event.type}::varchar as type, ${event.mode}::mode as mode, ${event.dialect}::varchar as dialect, ${messages}::jsonb as messages)`;
  const queued = (await queryRows<{ id: string }>(db, deliveriesInsert(source, target, { several: event.messages !== null }))).length;
  if (queued > 0) nudgeWorker();
  return queued;
}
