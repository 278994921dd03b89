import { and, count, eq, gte, inArray, sql } from "drizzle-orm";
import { paymentIntents, subscriptions, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/rows";
import { andModeOf, merchantOf, ownedBy, type Owner } from "@/db/owner";

export type DailyPoint = { day: string; count: number; volume: number };
export type Overview = {
  currency: string | null;
  days: DailyPoint[];
  /** Captured volume per currency over the window, largest first. */
  volumes: { currency: string; volume: number; count: number }[];
  /** Payments created in the window that a buyer tried to pay. */
  attempted: number;
  /** Of those, paid: captured, or authorized and waiting to be captured. */
  paid: number;
  /** Of the paid, those authorized and not captured yet. */
  authorized: number;
  attention: {
    failingEndpoints: FailingEndpoint[];
    failedDeliveries: number;
    disabledEndpoints: number;
    pastDueSubscriptions: number;
    awaitingCapture: number;
  };
};

/** An endpoint whose last FAILING_AFTER deliveries all failed (or are retrying after failing). */
export type FailingEndpoint = { id: string; url: string; lastStatusCode: number | null; lastError: string | null };
export const FAILING_AFTER = 3;

/** The last `days` days (UTC) of a merchant's payments, and what needs a human. */
export async function merchantOverview(db: Db, owner: Owner, days = 30): Promise<Overview> {
  const since = sql`date_trunc('day', now() at time zone 'utc') - make_interval(days => ${days - 1})`;
  const volumes = await queryRows<{ currency: string; volume: string; count: string }>(
    db,
    sql`select currency, sum(amount_captured - amount_refunded) as volume, count(*) as count
        from ${paymentIntents}
        where merchant_id = ${merchantOf(owner)} ${andModeOf(owner)} and status = 'succeeded' and (succeeded_at at time zone 'utc') >= ${since}
        group by currency order by sum(amount_captured) desc`,
  );
  const currency = volumes[0]?.currency ?? null;
  const series = await queryRows<{ day: string; count: string; volume: string }>(
    db,
    sql`select to_char(d.day, 'YYYY-MM-DD') as day, count(i.id) as count, coalesce(sum(i.amount_captured - i.amount_refunded), 0) as volume
        from generate_series(${since}, date_trunc('day', now() at time zone 'utc'), interval '1 day') as d(day)
        left join ${paymentIntents} i
          on i.merchant_id = ${merchantOf(owner)} ${andModeOf(owner, "i")} and i.status = 'succeeded' and i.currency = ${currency ?? "USD"}
         and date_trunc('day', i.succeeded_at at time zone 'utc') = d.day
        group by d.day order by d.day`,
  );
  const [outcomes] = await queryRows<{ attempted: string; paid: string; authorized: string }>(
    db,
    sql`select count(*) filter (where attempt_count > 0) as attempted,
               count(*) filter (where status in ('succeeded', 'authorized')) as paid,
               count(*) filter (where status = 'authorized') as authorized
        from ${paymentIntents}
        where merchant_id = ${merchantOf(owner)} ${andModeOf(owner)} and (created_at at time zone 'utc') >= ${since}`,
  );
  return {
    currency,
    days: series.map((point) => ({ day: point.day, count: Number(point.count), volume: Number(point.volume) })),
    volumes: volumes.map((row) => ({ currency: row.currency, volume: Number(row.volume), count: Number(row.count) })),
    attempted: Number(outcomes?.attempted ?? 0),
    paid: Number(outcomes?.paid ?? 0),
    authorized: Number(outcomes?.authorized ?? 0),
    attention: await attention(db, owner),
  };
}

async function attention(db: Db, owner: Owner): Promise<Overview["attention"]> {
  const [failedDeliveries] = await db
    .select({ n: count() })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.merchantId, merchantOf(owner)), eq(webhookDeliveries.status, "failed"), gte(webhookDeliveries.createdAt, sql`now() - interval '30 days'`)));
  const [disabledEndpoints] = await db
    .select({ n: count() })
    .from(webhookEndpoints)
    .where(and(ownedBy(webhookEndpoints, owner), eq(webhookEndpoints.enabled, false), sql`${webhookEndpoints.disabledReason} is not null`, sql`${webhookEndpoints.deletedAt} is null`));
  const [pastDue] = await db
    .select({ n: count() })
    .from(subscriptions)
    .where(and(ownedBy(subscriptions, owner), eq(subscriptions.status, "past_due")));
  const [awaitingCapture] = await db
    .select({ n: count() })
    .from(paymentIntents)
    .where(and(ownedBy(paymentIntents, owner), inArray(paymentIntents.status, ["authorized"])));
  return {
    failingEndpoints: await failingEndpoints(db, owner),
    failedDeliveries: failedDeliveries!.n,
    disabledEndpoints: disabledEndpoints!.n,
    pastDueSubscriptions: pastDue!.n,
    awaitingCapture: awaitingCapture!.n,
  };
}

/**
 * Endpoints that are failing now: each one's last FAILING_AFTER deliveries that were tried all
 * failed or are being retried after failing, with what the endpoint last answered.
 */
async function failingEndpoints(db: Db, owner: Owner): Promise<FailingEndpoint[]> {
  const rows = await queryRows<{ id: string; url: string; last_status_code: number | null; last_error: string | null }>(
    db,
    sql`select e.id, e.url, (array_agg(recent.last_status_code order by recent.created_at desc))[1] as last_status_code,
               (array_agg(recent.last_error order by recent.created_at desc))[1] as last_error
        from ${webhookEndpoints} e
        join lateral (
          select d.status, d.last_status_code, d.last_error, d.created_at from ${webhookDeliveries} d
          where d.endpoint_id = e.id and d.attempt_count > 0 and d.status <> 'delivering'
          order by d.created_at desc limit ${FAILING_AFTER}
        ) recent on true
        where e.merchant_id = ${merchantOf(owner)} ${andModeOf(owner, "e")} and e.enabled and e.deleted_at is null
        group by e.id, e.url
        having count(*) = ${FAILING_AFTER} and bool_and(recent.status <> 'succeeded')`,
  );
  return rows.map((row) => ({ id: row.id, url: row.url, lastStatusCode: row.last_status_code === null ? null : Number(row.last_status_code), lastError: row.last_error }));
}
