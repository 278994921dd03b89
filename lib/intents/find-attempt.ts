import { and, eq } from "drizzle-orm";
import { paymentAttempts, type PaymentAttempt } from "@/db/schema";
import type { Db } from "@/db/client";

/** One of this merchant's payment attempts, or null. */
export async function findAttempt(db: Db, merchantId: string, attemptId: string): Promise<PaymentAttempt | null> {
  const [attempt] = await db
    .select()
    .from(paymentAttempts)
    .where(and(eq(paymentAttempts.id, attemptId), eq(paymentAttempts.merchantId, merchantId)));
  return attempt ?? null;
}
