import { randomBase62 } from "@/lib/crypto/tokens";
import { testClocks, type TestClock } from "@/db/schema";
import type { Db } from "@/db/client";
import type { Owner } from "@/db/owner";
import { clockMerchant } from "./test-clock-owner";

export async function createTestClock(db: Db, owner: Owner, input: { frozenTime: Date; name?: string | null }): Promise<TestClock> {
  const [clock] = await db
    .insert(testClocks)
    .values({ id: `clock_${randomBase62(24)}`, merchantId: clockMerchant(owner), frozenTime: input.frozenTime, name: input.name ?? null })
    .returning();
  return clock!;
}
