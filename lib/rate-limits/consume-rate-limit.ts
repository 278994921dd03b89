import { lt, sql } from "drizzle-orm";
import { rateLimitWindows } from "@/db/schema";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/rows";

export type RateLimit = { limit: number; windowSeconds: number };
export type RateLimitOutcome = { allowed: boolean; remaining: number; retryAfterSeconds: number };

/** Requests per key per window: KASSA_RATE_LIMIT per KASSA_RATE_LIMIT_WINDOW seconds (100 per 1 s). */
export function configuredRateLimit(): RateLimit {
  return {
    limit: Math.max(1, Number(process.env.KASSA_RATE_LIMIT ?? 100)),
    windowSeconds: Math.max(1, Number(process.env.KASSA_RATE_LIMIT_WINDOW ?? 1)),
  };
}

/**
 * Counts one request against `key` in the current fixed window, with a single upsert so racing
 * requests on any number of instances each get their own count.
 */
export async function consumeRateLimit(db: Db, key: string, { limit, windowSeconds }: RateLimit): Promise<RateLimitOutcome> {
  const [row] = await queryRows<{ hits: number; retry_after: string }>(
    db,
    sql`
      insert into ${rateLimitWindows} (key, window_start, hits)
      values (${key}, to_timestamp(floor(extract(epoch from clock_timestamp()) / ${windowSeconds}) * ${windowSeconds}), 1)
      on conflict (key, window_start) do update set hits = ${rateLimitWindows}.hits + 1
      returning hits, extract(epoch from window_start + make_interval(secs => ${windowSeconds}) - clock_timestamp()) as retry_after`,
  );
  const hits = Number(row!.hits);
  if (Math.random() < 0.01) await forgetOldWindows(db);
  return {
    allowed: hits <= limit,
    remaining: Math.max(0, limit - hits),
    retryAfterSeconds: Math.max(1, Math.ceil(Number(row!.retry_after))),
  };
}

async function forgetOldWindows(db: Db): Promise<void> {
  await db.delete(rateLimitWindows).where(lt(rateLimitWindows.windowStart, sql`now() - interval '1 hour'`));
}
