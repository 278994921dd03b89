import { and, eq, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { merchantOf, modeOf, type Owner } from "@/db/owner";
import { notFound } from "@/lib/errors/app-error";
import { afterCursor } from "./after-cursor";

type Paged = PgTable & { id: AnyPgColumn; createdAt: AnyPgColumn; merchantId: AnyPgColumn; mode?: AnyPgColumn };

/** A page of a newest-first list: after one object (the next page) or before one (the previous). */
export type PageQuery = { limit: number; startingAfter?: string; endingBefore?: string };
export type Page<T> = { items: T[]; hasMore: boolean };

/**
 * The condition and order that read one page of `table` newest first, keyset on (created_at, id), and
 * how to turn the rows read (limit + 1 of them) into the page. A page before a cursor is read oldest
 * first from the cursor and turned around, so it holds the objects just newer than the cursor.
 */
export async function newestFirstPage(db: Db, table: Paged, owner: Owner, query: PageQuery, what: string) {
  let condition: SQL | undefined;
  if (query.startingAfter) condition = await afterCursor(db, table, owner, query.startingAfter, what);
  else if (query.endingBefore) condition = await beforeCursor(db, table, owner, query.endingBefore, what);
  const backwards = !query.startingAfter && Boolean(query.endingBefore);
  const orderBy = backwards
    ? sql`order by ${table.createdAt} asc, ${table.id} asc limit ${query.limit + 1}`
    : sql`order by ${table.createdAt} desc, ${table.id} desc limit ${query.limit + 1}`;
  const finish = <T>(rows: T[]): Page<T> => {
    const items = rows.slice(0, query.limit);
    return { items: backwards ? items.reverse() : items, hasMore: rows.length > query.limit };
  };
  return { condition, orderBy, finish };
}

/** Rows newer than the cursor's; the cursor must be one of this merchant's rows, or it is a 404. */
async function beforeCursor(db: Db, table: Paged, owner: Owner, cursorId: string, what: string): Promise<SQL> {
  const [found] = await db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.id, cursorId), eq(table.merchantId, merchantOf(owner)), modeOf(owner) && table.mode ? eq(table.mode, modeOf(owner)!) : undefined));
  if (!found) throw notFound(what, cursorId, "ending_before");
  return sql`(${table.createdAt}, ${table.id}) > (select cursor.created_at, cursor.id from ${table} cursor where cursor.id = ${cursorId})`;
}
