import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { testClocks, type TestClock } from "@/db/schema";
import type { Db } from "@/db/client";
import type { Owner } from "@/db/owner";
import { notFound } from "@/lib/errors/app-error";
import { clockMerchant } from "./test-clock-owner";

/** One of the merchant's clocks that is not deleted, or not_found (another merchant's included). */
export async function getTestClock(db: Db, owner: Owner, id: string, param = "id"): Promise<TestClock> {
  const [clock] = await db
    .select()
    .from(testClocks)
    .where(and(eq(testClocks.id, id), eq(testClocks.merchantId, clockMerchant(owner)), isNull(testClocks.deletedAt)));
  if (!clock) throw notFound("test clock", id, param);
  return clock;
}

/**
 * The merchant's clocks, newest first, up to `limit`; after (older than) or before (newer than) a
 * clock of theirs, for a paged list. Ordered by id too, so clocks made in one instant page stably.
 */
export async function listTestClocks(db: Db, owner: Owner, { limit = 100, after, before }: { limit?: number; after?: string; before?: string } = {}): Promise<TestClock[]> {
  const merchantId = clockMerchant(owner);
  const mine = and(eq(testClocks.merchantId, merchantId), isNull(testClocks.deletedAt));
  const cursorId = after ?? before;
  const cursor = cursorId ? await getTestClock(db, owner, cursorId, after ? "starting_after" : "ending_before") : null;
  const position = sql`(${testClocks.createdAt}, ${testClocks.id})`;
  // The cursor's own row, read in SQL: its created_at to the microsecond, which a JS Date would round.
  const at = cursor ? sql`(select cursor.created_at, cursor.id from ${testClocks} cursor where cursor.id = ${cursor.id})` : null;
  const beyond = at ? (after ? sql`${position} < ${at}` : sql`${position} > ${at}`) : undefined;
  const order = before ? [asc(testClocks.createdAt), asc(testClocks.id)] : [desc(testClocks.createdAt), desc(testClocks.id)];
  const rows = await db.select().from(testClocks).where(and(mine, beyond)).orderBy(...order).limit(limit);
  return before ? rows.reverse() : rows;
}
