#!/usr/bin/env node
// Fills a PostgreSQL database with payment intents for one merchant, to measure Kassa at scale:
//   DATABASE_URL=… node scripts/bench/seed-intents.mjs <merchant id> [count, default 1,000,000]
// Not part of the tests or CI. Ids start pi_seed_, so seeded rows are easy to tell (and to delete).
import postgres from "postgres";

const BATCH = 100_000;

/**
 * `count` intents spread over the last year: six dialects, every final status (60% succeeded),
 * references ORDER-<n> and 50,000 distinct buyer emails, as a busy merchant's history would look.
 */
export async function seedIntents(databaseUrl, merchantId, count, log = console.log) {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [{ existing }] = await sql`select count(*)::int as existing from payment_intents where merchant_id = ${merchantId} and id like 'pi_seed_%'`;
    for (let from = existing + 1; from <= count; from += BATCH) {
      const to = Math.min(count, from + BATCH - 1);
      const started = Date.now();
      await sql`
        insert into payment_intents (
          id, merchant_id, dialect, status, amount, amount_captured, currency, description, reference_id, customer_email,
          client_secret, attempt_count, expires_at, succeeded_at, canceled_at, created_at, updated_at)
        select 'pi_seed_' || lpad(g::text, 9, '0'), ${merchantId},
          (array['native','mint','mintro','shop','mutopay','gateway'])[1 + g % 6]::dialect,
          (case when g % 10 < 6 then 'succeeded' when g % 10 < 8 then 'expired' when g % 10 = 8 then 'canceled' else 'failed' end)::intent_status,
          100 + (g::bigint * 7919) % 100000,
          case when g % 10 < 6 then 100 + (g::bigint * 7919) % 100000 else 0 end,
          'USD', 'Seeded order ' || g, 'ORDER-' || g, 'buyer' || (g % 50000) || '@example' || (g % 7) || '.com',
          'pi_seed_' || g || '_secret_' || md5(g::text), case when g % 10 = 9 then 5 else 1 end,
          created + interval '1 hour', case when g % 10 < 6 then created + interval '1 minute' end,
          case when g % 10 = 8 then created + interval '5 minutes' end, created, created
        from generate_series(${from}::int, ${to}::int) g,
             lateral (select now() - make_interval(days => g % 365, secs => (g * 37) % 86400) - interval '2 hours' as created) t`;
      log(`[seed] intents ${from}–${to} in ${Date.now() - started} ms`);
    }
    await sql`analyze payment_intents`;
  } finally {
    await sql.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [merchantId, count = "1000000"] = process.argv.slice(2);
  if (!process.env.DATABASE_URL || !merchantId) {
    console.error("usage: DATABASE_URL=… node scripts/bench/seed-intents.mjs <merchant id> [count]");
    process.exit(2);
  }
  await seedIntents(process.env.DATABASE_URL, merchantId, Number(count));
}
