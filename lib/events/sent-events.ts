import { and, eq, isNotNull, or, sql } from "drizzle-orm";
import { events, type Dialect, type Event } from "@/db/schema";
import type { Db } from "@/db/client";
import { fromRow } from "@/db/from-row";
import { queryRows } from "@/db/rows";
import { ownedBy, type Owner } from "@/db/owner";

/** An event of this merchant's that was sent by webhook in the dialect's words, or null. */
export async function findSentEvent(db: Db, owner: Owner, dialect: Dialect, eventId: string): Promise<Event | null> {
  const [event] = await db
    .select()
    .from(events)
    .where(and(eq(events.id, eventId), ownedBy(events, owner), eq(events.dialect, dialect), or(isNotNull(events.payload), isNotNull(events.messages))));
  return event ?? null;
}

/**
 * This merchant's events sent in the dialect's words, in the order they happened: the `limit` just
 * older than `from` (newest first), or just newer (oldest first); from the newest when no `from`;
 * none older than `notBefore`.
 */
export async function sentEvents(
  db: Db,
  owner: Owner,
  dialect: Dialect,
  page: { from?: Event; direction: "older" | "newer"; limit: number; notBefore?: Date },
): Promise<Event[]> {
  const { from, direction, limit, notBefore } = page;
  const position = sql`(${events.createdAt}, ${events.sequence})`;
  // Compared in SQL: a JS Date would drop PostgreSQL's microseconds.
  const cursor = from ? sql`(select cursor.created_at, cursor.sequence from ${events} cursor where cursor.id = ${from.id})` : null;
  const beyond = cursor ? (direction === "older" ? sql`${position} < ${cursor}` : sql`${position} > ${cursor}`) : undefined;
  const order = direction === "older" ? sql`desc` : sql`asc`;
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select * from ${events}
        where ${and(ownedBy(events, owner), eq(events.dialect, dialect), or(isNotNull(events.payload), isNotNull(events.messages)), beyond, notBefore ? sql`${events.createdAt} >= ${sql.param(notBefore, events.createdAt)}` : undefined)}
        order by ${events.createdAt} ${order}, ${events.sequence} ${order} limit ${limit}`,
  );
  return rows.map((row) => fromRow(events, row));
}
