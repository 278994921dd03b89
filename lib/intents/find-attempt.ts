import { and, eq, sql } from "drizzle-orm";
import { paymentAttempts, paymentIntents, type PaymentAttempt } from "@/db/schema";
import type { Db } from "@/db/client";
import { merchantOf, modeOf, type Owner } from "@/db/owner";

/** One of this merchant's payment attempts, or null. */
export async function findAttempt(db: Db, owner: Owner, attemptId: string): Promise<PaymentAttempt | null> {
  const [attempt] = await db
    .select()
    .from(paymentAttempts)
    .where(
      and(
        eq(paymentAttempts.id, attemptId),
        eq(paymentAttempts.merchantId, merchantOf(owner)),
        // An attempt has the mode of its intent.
        modeOf(owner) ? sql`exists (select 1 from ${paymentIntents} i where i.id = ${paymentAttempts.intentId} and i.mode = ${modeOf(owner)})` : undefined,
      ),
    );
  return attempt ?? null;
}
