import { and, eq } from "drizzle-orm";
import { dialectObjects, type Dialect, type DialectObject } from "@/db/schema";
import type { Db } from "@/db/client";
import { notFound } from "@/lib/errors/app-error";
import { ownedBy, type Owner } from "@/db/owner";

/** One of this merchant's objects of the type; another merchant's id is a 404, exactly like an unknown one. */
export async function getDialectObject(db: Db, owner: Owner, dialect: Dialect, type: string, id: string, param = "id"): Promise<DialectObject> {
  const [row] = await db
    .select()
    .from(dialectObjects)
    .where(and(eq(dialectObjects.id, id), ownedBy(dialectObjects, owner), eq(dialectObjects.dialect, dialect), eq(dialectObjects.type, type)));
  if (!row) throw notFound(type, id, param);
  return row;
}
