import { and, eq, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { merchantOf, modeOf, type Owner } from "@/db/owner";
import { notFound } from "@/lib/errors/app-error";

type Paged = PgTable & { id: AnyPgColumn; createdAt: AnyPgColumn; merchantId: AnyPgColumn; mode?: AnyPgColumn };

/**
 * The condition for rows after the cursor's in newest-first order on (created_at, id). Compared in
 * SQL, because a JS Date would drop PostgreSQL's microseconds and skip or repeat rows created in the
 * same millisecond. The cursor must be one of this merchant's rows, or it is a 404.
 */
export async function afterCursor(db: Db, table: Paged, owner: Owner, cursorId: string, what: string): Promise<SQL> {
  const [found] = await db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.id, cursorId), eq(table.merchantId, merchantOf(owner)), modeOf(owner) && table.mode ? eq(table.mode, modeOf(owner)!) : undefined));
  if (!found) throw notFound(what, cursorId, "starting_after");
  return sql`(${table.createdAt}, ${table.id}) < (select cursor.created_at, cursor.id from ${table} cursor where cursor.id = ${cursorId})`;
}
