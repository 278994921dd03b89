import type { SQL } from "drizzle-orm";
import type { Db } from "./types";

/** Raw SQL rows from either driver (PGlite answers `{ rows }`, postgres.js an array). */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** JSON built in SQL: postgres.js parses it, PGlite may hand over the text. */
export function jsonValue<T = unknown>(value: unknown): T {
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}
