import { and, eq, sql } from "drizzle-orm";
import { dialectObjects, type Dialect, type DialectObject } from "@/db/schema";
import type { Db } from "@/db/client";
import { fromRow } from "@/db/from-row";
import { queryRows } from "@/db/rows";
import { newestFirstPage, type Page, type PageQuery } from "@/lib/pagination/keyset";
import { ownedBy, type Owner } from "@/db/owner";

/** This merchant's objects of the type, newest first; those whose data holds `matching`'s values, when given. */
export async function listDialectObjects(
  db: Db,
  owner: Owner,
  dialect: Dialect,
  type: string,
  query: PageQuery,
  matching?: Record<string, unknown>,
): Promise<Page<DialectObject>> {
  const page = await newestFirstPage(db, dialectObjects, owner, query, type);
  const condition = and(ownedBy(dialectObjects, owner), eq(dialectObjects.dialect, dialect), eq(dialectObjects.type, type), matches(matching), page.condition);
  const rows = await queryRows<Record<string, unknown>>(db, sql`select * from ${dialectObjects} where ${condition} ${page.orderBy}`);
  return page.finish(rows.map((row) => fromRow(dialectObjects, row)));
}

const matches = (matching: Record<string, unknown> | undefined) =>
  matching && Object.keys(matching).length > 0 ? sql`${dialectObjects.data} @> ${JSON.stringify(matching)}::jsonb` : undefined;
