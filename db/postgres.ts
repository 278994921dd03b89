import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { migrationsFolder } from "./config";
import * as schema from "./schema";
import type { DatabaseHandle, Db } from "./types";

/** Any constant works; it only has to be the same in every Kassa instance. */
const MIGRATION_LOCK_ID = 7_261_534_001;

export async function openPostgres(url: string): Promise<DatabaseHandle> {
  await migrateUnderLock(url);
  const client = postgres(url, { max: Number(process.env.KASSA_DB_POOL_SIZE ?? 10), onnotice: () => {} });
  const db = drizzle({ client, schema });
  return { db: db as unknown as Db, kind: "postgres", close: () => client.end({ timeout: 5 }) };
}

/** drizzle's migrator takes no lock, so instances starting together would race on the journal. */
async function migrateUnderLock(url: string): Promise<void> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
    try {
      await migrate(drizzle({ client }), { migrationsFolder: migrationsFolder() });
    } finally {
      await client`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`;
    }
  } finally {
    await client.end({ timeout: 5 });
  }
}
