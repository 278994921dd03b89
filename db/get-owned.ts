import { and, eq, type SQL } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "./types";
import { notFound } from "@/lib/errors/app-error";
import { merchantOf, modeOf, type Owner } from "./owner";

type Owned = PgTable & { id: AnyPgColumn; merchantId: AnyPgColumn; mode?: AnyPgColumn };

/**
 * One row of this owner's by its id (its merchant's, in its mode when the owner has one, and the
 * table has modes), or not_found: another merchant's row, or one of the other mode, is a 404 exactly
 * like an unknown one, so no answer says whether an id exists elsewhere.
 */
export async function getOwned<T extends Owned>(
  db: Db,
  table: T,
  owner: Owner,
  id: string,
  what: string,
  options: { param?: string; where?: SQL } = {},
): Promise<T["$inferSelect"]> {
  const mode = modeOf(owner);
  const rows = (await db
    .select()
    .from(table as PgTable)
    .where(and(eq(table.id, id), eq(table.merchantId, merchantOf(owner)), mode && table.mode ? eq(table.mode, mode) : undefined, options.where))) as T["$inferSelect"][];
  if (!rows[0]) throw notFound(what, id, options.param ?? "id");
  return rows[0];
}
