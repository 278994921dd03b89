import type { Logger } from "drizzle-orm";

/**
 * KASSA_LOG_QUERIES=1 prints every statement drizzle sends, without its parameters (they can hold
 * secrets): for counting what a request costs.
 */
export function queryLogger(): Logger | undefined {
  if (process.env.KASSA_LOG_QUERIES !== "1") return undefined;
  return { logQuery: (query) => console.log(`[sql] ${query.replace(/\s+/g, " ").trim().slice(0, 300)}`) };
}
