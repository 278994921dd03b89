import { and, eq, sql } from "drizzle-orm";
import { dialectObjects, type Dialect, type DialectObject } from "@/db/schema";
import type { Db } from "@/db/client";
import { patchedJson, type JsonPatch } from "@/db/json-patch";
import { notFound } from "@/lib/errors/app-error";
import { ownedBy, type Owner } from "@/db/owner";

/**
 * Merges `changes` into the object's data at its top level, and patches its `metadata` (keys set or
 * removed), in one statement: changes made at once to other fields or keys all stand.
 */
export async function updateDialectObject(
  db: Db,
  owner: Owner,
  dialect: Dialect,
  type: string,
  id: string,
  changes: Record<string, unknown>,
  metadata?: JsonPatch,
): Promise<DialectObject> {
  const merged = sql`${dialectObjects.data} || ${JSON.stringify(changes)}::jsonb`;
  const data = metadata ? sql`jsonb_set(${merged}, '{metadata}', ${patchedJson(sql`${dialectObjects.data} -> 'metadata'`, metadata)})` : merged;
  const [row] = await db
    .update(dialectObjects)
    .set({ data, updatedAt: sql`now()` })
    .where(and(eq(dialectObjects.id, id), ownedBy(dialectObjects, owner), eq(dialectObjects.dialect, dialect), eq(dialectObjects.type, type)))
    .returning();
  if (!row) throw notFound(type, id, "id");
  return row;
}
