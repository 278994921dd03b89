import { dialectObjects, type Dialect, type DialectObject } from "@/db/schema";
import type { Db } from "@/db/client";
import { merchantOf, modeOf, type Owner } from "@/db/owner";

/** Keeps one of a dialect's own objects, in its owner's mode (test when the owner names none), (see db/schema/dialect-objects.ts) under the id the dialect chose. */
export async function createDialectObject(
  db: Db,
  owner: Owner,
  object: { id: string; dialect: Dialect; type: string; data: Record<string, unknown> },
): Promise<DialectObject> {
  const [row] = await db
    .insert(dialectObjects)
    .values({ ...object, merchantId: merchantOf(owner), mode: modeOf(owner) ?? "test" })
    .returning();
  return row!;
}
