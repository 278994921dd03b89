import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { queryRows } from "@/db/rows";
import { createTestMerchant } from "@/lib/testing/fixtures";
import { analyzeChangedTables } from "../analyze-changed-tables";

type Plan = { "Node Type": string; Plans?: Plan[] };
const nodeTypes = (plan: Plan): string[] => [plan["Node Type"], ...(plan.Plans ?? []).flatMap(nodeTypes)];

describe("analyzeChangedTables", () => {
  it("gives changed tables fresh statistics, so a merchant's newest ten payments are read from the index, not sorted", async () => {
    const db = await getDb();
    const { merchant } = await createTestMerchant();
    await db.execute(sql`
      insert into payment_intents (id, merchant_id, dialect, amount, currency, client_secret, expires_at, created_at)
      select 'pi_stats_' || ${merchant.id} || '_' || g, ${merchant.id}, 'native', 100, 'USD', 'secret_' || g,
             now() + interval '1 hour', now() - make_interval(secs => g)
      from generate_series(1, 5000) g`);

    expect(await analyzeChangedTables(db)).toContain("payment_intents");
    // Nothing changed since: nothing to do.
    expect(await analyzeChangedTables(db)).not.toContain("payment_intents");

    const [row] = await queryRows<{ "QUERY PLAN": unknown }>(
      db,
      sql`explain (format json) select * from payment_intents where merchant_id = ${merchant.id} order by created_at desc, id desc limit 11`,
    );
    const plan = (typeof row!["QUERY PLAN"] === "string" ? JSON.parse(row!["QUERY PLAN"]) : row!["QUERY PLAN"]) as { Plan: Plan }[];
    const nodes = nodeTypes(plan[0]!.Plan);
    expect(nodes).toContain("Index Scan");
    expect(nodes).not.toContain("Sort");
  });
});
