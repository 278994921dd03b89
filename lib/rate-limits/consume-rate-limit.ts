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

/** How often an instance tells the database what it counted, per key, while the key is busy. */
const SHARE_EVERY_MS = 100;

/** One key's fixed window as this instance sees it: the total the database last told it, and what it counted since. */
type Window = { start: number; shared: number; sending: number; unsent: number; lastShared: number };

const holder = globalThis as typeof globalThis & { __kassaRateWindows?: Map<string, Window> };

/**
 * Counts one request against `key` in the current fixed window. Each instance counts in memory and
 * shares its count with the others through one database upsert per key at most every 100 ms (the
 * first request of a window always shares), so the API does not write on every request. Exact on
 * one instance; across several, each learns the others' counts within 100 ms, so the limit may be
 * overshot by what the others serve in that time (an approximate window, as Stripe's is).
 */
export async function consumeRateLimit(db: Db, key: string, { limit, windowSeconds }: RateLimit, now = Date.now()): Promise<RateLimitOutcome> {
  const windows = (holder.__kassaRateWindows ??= new Map());
  const windowMs = windowSeconds * 1000;
  const start = Math.floor(now / windowMs) * windowMs;
  let window = windows.get(key);
  if (!window || window.start !== start) {
    window = { start, shared: 0, sending: 0, unsent: 0, lastShared: 0 };
    windows.set(key, window);
    if (windows.size > 10_000) forgetOtherWindows(windows, start);
  }
  const retryAfterSeconds = Math.max(1, Math.ceil((start + windowMs - now) / 1000));
  const counted = window.shared + window.sending + window.unsent;
  if (counted >= limit) return { allowed: false, remaining: 0, retryAfterSeconds };
  window.unsent++;
  if (now - window.lastShared >= SHARE_EVERY_MS) await share(db, key, window, now);
  return { allowed: true, remaining: Math.max(0, limit - counted - 1), retryAfterSeconds };
}

async function share(db: Db, key: string, window: Window, now: number): Promise<void> {
  window.lastShared = now;
  window.sending = window.unsent;
  window.unsent = 0;
  try {
    const [row] = await queryRows<{ hits: number }>(
      db,
      sql`
        insert into ${rateLimitWindows} (key, window_start, hits) values (${key}, ${new Date(window.start).toISOString()}, ${window.sending})
        on conflict (key, window_start) do update set hits = ${rateLimitWindows}.hits + excluded.hits
        returning hits`,
    );
    window.shared = Math.max(window.shared, Number(row!.hits));
  } catch (error) {
    // Not shared now; counted again with the next share.
    window.unsent += window.sending;
    throw error;
  } finally {
    window.sending = 0;
  }
  if (Math.random() < 0.01) await db.delete(rateLimitWindows).where(lt(rateLimitWindows.windowStart, sql`now() - interval '1 hour'`));
}

function forgetOtherWindows(windows: Map<string, Window>, current: number): void {
  for (const [key, window] of windows) if (window.start !== current) windows.delete(key);
}
