import { and, eq } from "drizzle-orm";
import { paymentAttempts, type PaymentAttempt } from "@/db/schema";
import type { Db } from "@/db/client";
import { merchantOf, type Owner } from "@/db/owner";

/** One of this merchant's payment attempts, or null. */
export async function findAttempt(db: Db, owner: Owner, attemptId: string): Promise<PaymentAttempt | null> {
  const [attempt] = await db
    .select()
    .from(paymentAttempts)
    .where(and(eq(paymentAttempts.id, attemptId), eq(paymentAttempts.merchantId, merchantOf(owner))));
  return attempt ?? null;
}
