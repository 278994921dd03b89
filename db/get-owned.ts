import { and, eq, type SQL } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "./types";
import { notFound } from "@/lib/errors/app-error";

type Owned = PgTable & { id: AnyPgColumn; merchantId: AnyPgColumn };

/**
 * One row of this merchant's by its id, or not_found: another merchant's row is a 404 exactly like
 * an unknown one, so no answer says whether an id exists elsewhere.
 */
export async function getOwned<T extends Owned>(
  db: Db,
  table: T,
  owner: { merchantId: string; id: string },
  what: string,
  options: { param?: string; where?: SQL } = {},
): Promise<T["$inferSelect"]> {
  const rows = (await db
    .select()
    .from(table as PgTable)
    .where(and(eq(table.id, owner.id), eq(table.merchantId, owner.merchantId), options.where))) as T["$inferSelect"][];
  if (!rows[0]) throw notFound(what, owner.id, options.param ?? "id");
  return rows[0];
}
