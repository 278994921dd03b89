import { and, desc, eq, isNull } from "drizzle-orm";
import { testClocks, type TestClock } from "@/db/schema";
import type { Db } from "@/db/client";
import type { Owner } from "@/db/owner";
import { notFound } from "@/lib/errors/app-error";
import { clockMerchant } from "./test-clock-owner";

/** One of the merchant's clocks that is not deleted, or not_found (another merchant's included). */
export async function getTestClock(db: Db, owner: Owner, id: string, param = "id"): Promise<TestClock> {
  const [clock] = await db
    .select()
    .from(testClocks)
    .where(and(eq(testClocks.id, id), eq(testClocks.merchantId, clockMerchant(owner)), isNull(testClocks.deletedAt)));
  if (!clock) throw notFound("test clock", id, param);
  return clock;
}

/** The merchant's clocks, newest first. */
export async function listTestClocks(db: Db, owner: Owner, limit = 100): Promise<TestClock[]> {
  return db
    .select()
    .from(testClocks)
    .where(and(eq(testClocks.merchantId, clockMerchant(owner)), isNull(testClocks.deletedAt)))
    .orderBy(desc(testClocks.createdAt))
    .limit(limit);
}
