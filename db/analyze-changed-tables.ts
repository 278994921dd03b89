import { sql } from "drizzle-orm";
import { queryRows } from "./rows";
import type { Db } from "./types";

/**
 * What PostgreSQL's autovacuum does for the planner and PGlite has no process for: every table
 * changed by more than 50 rows and 10% since it was last analyzed (autovacuum's own defaults) gets
 * fresh statistics. Without them the planner guesses, and sorts all of a merchant's payments to
 * show the newest ten. Returns the tables it analyzed.
 */
export async function analyzeChangedTables(db: Db): Promise<string[]> {
  // Counts of changes reach the statistics views at most once a second unless asked for.
  await db.execute(sql`select pg_stat_force_next_flush()`);
  const changed = await queryRows<{ table: string }>(
    db,
    sql`select relname as table from pg_stat_user_tables
        where schemaname = 'public' and n_mod_since_analyze > 50 + 0.1 * n_live_tup order by relname`,
  );
  for (const { table } of changed) await db.execute(sql`analyze ${sql.identifier(table)}`);
  return changed.map(({ table }) => table);
}
