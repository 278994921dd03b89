import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { bigint, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";

export const rows = pgTable("bench_rows", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  label: text("label").notNull(),
  payload: jsonb("payload").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

type Db = ReturnType<typeof drizzlePostgres>;
const holder = globalThis as typeof globalThis & { __baselineDb?: Promise<Db> };

/** The same two drivers Kassa uses, chosen the same way: DATABASE_URL, else PGlite in BASELINE_DATA_DIR. */
export function getDb(): Promise<Db> {
  holder.__baselineDb ??= (async () => {
    let db: Db;
    if (process.env.DATABASE_URL) {
      const postgres = (await import("postgres")).default;
      db = drizzlePostgres({ client: postgres(process.env.DATABASE_URL, { max: 10, onnotice: () => {} }) });
    } else {
      const { PGlite } = await import("@electric-sql/pglite");
      db = drizzlePglite({ client: new PGlite(process.env.BASELINE_DATA_DIR) }) as unknown as Db;
    }
    await db.execute(sql`create table if not exists bench_rows (
      id bigint generated always as identity primary key, label text not null, payload jsonb not null,
      created_at timestamptz not null default now())`);
    return db;
  })();
  return holder.__baselineDb;
}
