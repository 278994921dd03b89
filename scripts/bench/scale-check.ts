import { randomUUID } from "node:crypto";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { it } from "vitest";
import * as schema from "@/db/schema";
import type { Db } from "@/db/client";
import { createMerchant } from "@/lib/accounts/create-merchant";
import { registerUser } from "@/lib/accounts/register-user";
import { searchPayments, type PaymentSearch } from "@/lib/dashboard/search-payments";
import { expireDueIntents } from "@/lib/intents/expire-intent";
import { voidStaleAuthorizations } from "@/lib/intents/void-stale-authorizations";
import { renewDueSubscriptions } from "@/lib/subscriptions/renew-due-subscriptions";
import { claimDueDeliveries } from "@/lib/webhooks/deliver-webhooks";
import { reconcilePendingOperations } from "@/lib/worker/reconcile-pending-operations";
import { reconcileStuckAttempts } from "@/lib/worker/reconcile-stuck-attempts";
// @ts-expect-error: a plain .mjs module, shared with the seeding command.
import { seedIntents } from "./seed-intents.mjs";

/**
 * npm run bench:scale (DATABASE_URL required, never in CI): a merchant with BENCH_SCALE_INTENTS
 * (1,000,000) payments, then the dashboard's payments list with each filter and search, timed on the
 * server and EXPLAINed, and the worker's sweeps EXPLAINed. Figures and plans, not assertions.
 */
const COUNT = Number(process.env.BENCH_SCALE_INTENTS ?? 1_000_000);

type Captured = { query: string; params: unknown[] };

it("the payments list and the worker's sweeps, with a million payments", { timeout: 60 * 60_000 }, async () => {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("npm run bench:scale needs DATABASE_URL (a PostgreSQL database it may fill)");
  const { openPostgres } = await import("@/db/postgres");
  const handle = await openPostgres(url); // migrates
  const merchantId = process.env.BENCH_MERCHANT ?? (await newMerchant(handle.db));
  await seedIntents(url, merchantId, COUNT, (line: string) => console.log(line));

  const client = postgres(url, { max: 2, onnotice: () => {} });
  let captured: Captured[] = [];
  const db = drizzle({ client, schema, logger: { logQuery: (query, params) => void captured.push({ query, params }) } }) as unknown as Db;
  const explain = async ({ query, params }: Captured) => {
    const analyze = /^\s*(select|with [^()]*\(\s*select)/i.test(query) ? "analyze, " : "";
    const plan = await client.unsafe(`explain (${analyze}costs off) ${query}`, params as never[]);
    return plan.map((row) => String(row["QUERY PLAN"]));
  };
  const summary = (plan: string[]) => {
    const indexes = [...new Set(plan.flatMap((line) => [...line.matchAll(/(?:Index (?:Only )?Scan(?: Backward)? using|Bitmap Index Scan on) (\w+)/g)].map((match) => match[1]!)))];
    const seq = plan.filter((line) => /Seq Scan on (payment_intents|webhook_deliveries|subscriptions|payment_attempts|refunds|events)\b/.test(line));
    return seq.length > 0 ? `SEQ SCAN ✗ ${seq.map((line) => line.trim()).join(", ")}` : `index ✓ ${indexes.join(", ") || "(none needed)"}`;
  };

  const [sample] = await client`select id, reference_id, customer_email from payment_intents where merchant_id = ${merchantId} order by created_at desc offset 4321 limit 1`;
  const [older] = await client`select id from payment_intents where merchant_id = ${merchantId} order by created_at desc offset 500000 limit 1`;
  const cases: [string, PaymentSearch][] = [
    ["newest 25", {}],
    ["status = failed", { status: "failed" }],
    ["status = requires_payment_method", { status: "requires_payment_method" }],
    ["status = expired", { status: "expired" }],
    ["dialect = shop", { dialect: "shop" }],
    ["a month, from/to", { from: day(-60), to: day(-30) }],
    ["status + dialect + month", { status: "succeeded", dialect: "mint", from: day(-60), to: day(-30) }],
    ["search an id", { q: sample!.id }],
    ["search part of a reference", { q: String(sample!.reference_id).slice(0, 10) }],
    ["search part of an email", { q: String(sample!.customer_email).slice(0, 9) }],
    ["search a domain", { q: "example3.com" }],
    ["page 20,000 (cursor)", { after: older!.id }],
  ];
  console.log(`\nPayments list for a merchant with ${COUNT.toLocaleString("en")} payments (server time, median of 5; EXPLAIN of the list query)`);
  for (const [name, search] of cases) {
    const times: number[] = [];
    for (let run = 0; run < 5; run++) {
      captured = [];
      const started = performance.now();
      const results = await searchPayments(db, merchantId, search);
      times.push(performance.now() - started);
      if (run === 0 && results.payments.length === 0 && !search.status) console.log(`  (no rows for ${name})`);
    }
    const listQuery = captured.find((entry) => /from "payment_intents"/.test(entry.query) && /limit/.test(entry.query))!;
    console.log(`  ${name.padEnd(34)} ${median(times).toFixed(1).padStart(7)} ms   ${summary(await explain(listQuery))}`);
  }

  console.log("\nThe worker's sweeps (EXPLAIN of every statement each one sends)");
  const sweeps: [string, (db: Db) => Promise<unknown>][] = [
    ["expire due intents", (handle) => expireDueIntents(handle)],
    ["claim due webhook deliveries", (handle) => claimDueDeliveries(handle, 32)],
    ["renew due subscriptions", (handle) => renewDueSubscriptions(handle)],
    ["void stale authorizations", (handle) => voidStaleAuthorizations(handle)],
    ["reconcile stuck attempts", (handle) => reconcileStuckAttempts(handle)],
    ["reconcile pending operations", (handle) => reconcilePendingOperations(handle)],
  ];
  for (const [name, sweep] of sweeps) {
    captured = [];
    const started = performance.now();
    await sweep(db);
    const took = performance.now() - started;
    const plans = await Promise.all(captured.map(explain));
    console.log(`  ${name.padEnd(34)} ${took.toFixed(1).padStart(7)} ms   ${plans.map(summary).join("  ·  ") || "(no statement)"}`);
  }
  await client.end();
  await handle.close();
});

async function newMerchant(db: Db): Promise<string> {
  const user = await registerUser(db, { email: `scale-${randomUUID()}@example.com`, password: "correct horse battery staple", name: "Scale" });
  const merchant = await createMerchant(db, user.id, { name: "Scale Shop" });
  console.log(`[scale] merchant ${merchant.id} (set BENCH_MERCHANT to reuse it and its payments)`);
  return merchant.id;
}

function day(offset: number): string {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
