import client from "prom-client";
import { sql } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { queryRows } from "@/db/rows";

/*
 * Kassa's Prometheus metrics, in prom-client's default registry, which scripts/start.mjs adds its
 * request metrics to and /metrics serves. prom-client stays outside the bundle (next.config.mjs), so
 * the server script and the app share one registry; each metric is made once per process even where
 * Next loads a module twice.
 */

const register = client.register;

function once<T extends client.Metric>(name: string, make: () => T): T {
  return (register.getSingleMetric(name) as T | undefined) ?? make();
}

const loopRuns = ((globalThis as typeof globalThis & { __kassaLoopRuns?: Map<string, number> }).__kassaLoopRuns ??= new Map());

export const paymentsTotal = once("kassa_payments_total", () => new client.Counter({ name: "kassa_payments_total", help: "Card payment attempts settled, by dialect and outcome (succeeded, authorized, declined).", labelNames: ["dialect", "outcome"] }));

export const declinesTotal = once("kassa_card_declines_total", () => new client.Counter({ name: "kassa_card_declines_total", help: "Declined card attempts, by the acquirer's decline code.", labelNames: ["code"] }));

export const webhookDeliveriesTotal = once("kassa_webhook_deliveries_total", () => new client.Counter({ name: "kassa_webhook_deliveries_total", help: "Webhook delivery attempts, by outcome: succeeded, retrying (will be tried again) or failed (given up, or the endpoint is gone).", labelNames: ["outcome"] }));

export const webhookLagSeconds = once("kassa_webhook_delivery_lag_seconds", () => new client.Histogram({ name: "kassa_webhook_delivery_lag_seconds", help: "From an event's change to its webhook's successful delivery.", buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15, 60, 300, 1800, 3600, 21600] }));

once("kassa_outbox_depth", () => new client.Gauge({
  name: "kassa_outbox_depth",
  help: "Webhook deliveries and emails waiting to go out (pending) or going out now (sending).",
  labelNames: ["queue", "state"],
  async collect() {
    const { db } = await getDatabase();
    const rows = await queryRows<{ queue: string; state: string; count: number }>(db, sql`
      select 'webhooks' as queue, case status when 'pending' then 'pending' else 'sending' end as state, count(*)::int as count
      from webhook_deliveries where status in ('pending', 'delivering') group by 2
      union all
      select 'emails', case status when 'pending' then 'pending' else 'sending' end, count(*)::int
      from email_messages where status in ('pending', 'sending') group by 2`);
    this.reset();
    for (const queue of ["webhooks", "emails"]) for (const state of ["pending", "sending"]) this.set({ queue, state }, 0);
    for (const row of rows) this.set({ queue: row.queue, state: row.state }, row.count);
  },
}));

once("kassa_worker_loop_age_seconds", () => new client.Gauge({
  name: "kassa_worker_loop_age_seconds",
  help: "Seconds since each of the worker's loops last finished a round; one that keeps growing has stopped.",
  labelNames: ["loop"],
  collect() {
    const now = Date.now();
    for (const [loop, at] of loopRuns) this.set({ loop }, (now - at) / 1000);
  },
}));

once("kassa_db_connections", () => new client.Gauge({
  name: "kassa_db_connections",
  help: "This instance's database connections by state (active, idle, …), and the pool's size (max).",
  labelNames: ["state"],
  async collect() {
    const database = await getDatabase();
    this.reset();
    if (database.kind === "embedded") {
      this.set({ state: "max" }, 1);
      return;
    }
    this.set({ state: "max" }, Number(process.env.KASSA_DB_POOL_SIZE ?? 10));
    const rows = await queryRows<{ state: string | null; count: number }>(database.db, sql`
      select state, count(*)::int as count from pg_stat_activity where application_name = current_setting('application_name') group by state`);
    for (const row of rows) this.set({ state: row.state ?? "unknown" }, row.count);
  },
}));

/** A worker loop finished a round now. */
export function markLoop(loop: string): void {
  loopRuns.set(loop, Date.now());
}

export const metricsRegistry = () => register;
