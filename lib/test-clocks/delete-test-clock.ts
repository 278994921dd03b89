import { eq, sql } from "drizzle-orm";
import { testClocks, type TestClock } from "@/db/schema";
import type { Db } from "@/db/client";
import type { Owner } from "@/db/owner";
import { getTestClock } from "./get-test-clock";

/**
 * Deletes a clock. Its intents and subscriptions stay, as they stood at its last time, for the
 * record; nothing happens to them any more (the worker never touches an object of a clock).
 */
export async function deleteTestClock(db: Db, owner: Owner, id: string): Promise<TestClock> {
  await getTestClock(db, owner, id);
  const [deleted] = await db.update(testClocks).set({ deletedAt: sql`now()`, updatedAt: sql`now()` }).where(eq(testClocks.id, id)).returning();
  return deleted!;
}
