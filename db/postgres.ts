import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { instanceId } from "@/lib/worker/instance-id";
import { migrationsFolder } from "./config";
import { preparingStatements } from "./prepared-statements";
import { queryLogger } from "./query-log";
import * as schema from "./schema";
import type { DatabaseHandle, Db } from "./types";

/** Any constant works; it only has to be the same in every Kassa instance. */
const MIGRATION_LOCK_ID = 7_261_534_001;

export async function openPostgres(url: string): Promise<DatabaseHandle> {
  await migrateUnderLock(url);
  const client = postgres(url, {
    max: Number(process.env.KASSA_DB_POOL_SIZE ?? 10),
    onnotice: () => {},
    // No statement waits on a lock for longer: a duplicate idempotent request waiting for the first
    // gets its 409 after this (run-idempotent.ts), and nothing stuck holds a request forever.
    // application_name: this instance's connections, as /metrics counts them in pg_stat_activity.
    connection: { lock_timeout: 30_000, application_name: `kassa:${instanceId()}`.slice(0, 63) },
  });
  const db = drizzle({ client: preparingStatements(client), schema, logger: queryLogger() });
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
