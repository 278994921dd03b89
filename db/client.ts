import { databaseConfig } from "./config";
import type { DatabaseHandle, Db } from "./types";

export type { Db, Tx, DatabaseHandle, DatabaseKind } from "./types";

// Next.js loads a module once per bundle (route handlers and pages each get a copy), so the one
// open database lives on globalThis rather than in a module variable.
const holder = globalThis as typeof globalThis & { __kassaDatabase?: Promise<DatabaseHandle> };

/** Opens the configured database once per process and applies migrations before first use. */
export function getDatabase(): Promise<DatabaseHandle> {
  holder.__kassaDatabase ??= open().catch((error: unknown) => {
    holder.__kassaDatabase = undefined;
    throw error;
  });
  return holder.__kassaDatabase;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

export async function closeDatabase(): Promise<void> {
  const pending = holder.__kassaDatabase;
  holder.__kassaDatabase = undefined;
  if (pending) await (await pending).close();
}

async function open(): Promise<DatabaseHandle> {
  const config = databaseConfig();
  if (config.kind === "postgres") {
    const { openPostgres } = await import("./postgres");
    return openPostgres(config.url);
  }
  const { openEmbedded } = await import("./embedded");
  return openEmbedded(config.dataDir);
}
