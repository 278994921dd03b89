import { dialectObjects, type Dialect, type DialectObject } from "@/db/schema";
import type { Db } from "@/db/client";

/** Keeps one of a dialect's own objects (see db/schema/dialect-objects.ts) under the id the dialect chose. */
export async function createDialectObject(
  db: Db,
  merchantId: string,
  object: { id: string; dialect: Dialect; type: string; data: Record<string, unknown> },
): Promise<DialectObject> {
  const [row] = await db.insert(dialectObjects).values({ ...object, merchantId }).returning();
  return row!;
}
