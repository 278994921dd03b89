import { and, eq, sql } from "drizzle-orm";
import { dialectObjects, type Dialect, type DialectObject } from "@/db/schema";
import type { Db } from "@/db/client";
import { notFound } from "@/lib/errors/app-error";

/** Merges `changes` into the object's data at its top level, in one statement. */
export async function updateDialectObject(
  db: Db,
  merchantId: string,
  dialect: Dialect,
  type: string,
  id: string,
  changes: Record<string, unknown>,
): Promise<DialectObject> {
  const [row] = await db
    .update(dialectObjects)
    .set({ data: sql`${dialectObjects.data} || ${JSON.stringify(changes)}::jsonb`, updatedAt: sql`now()` })
    .where(and(eq(dialectObjects.id, id), eq(dialectObjects.merchantId, merchantId), eq(dialectObjects.dialect, dialect), eq(dialectObjects.type, type)))
    .returning();
  if (!row) throw notFound(type, id, "id");
  return row;
}
