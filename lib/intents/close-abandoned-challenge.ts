import { and, eq, sql } from "drizzle-orm";
import { paymentAttempts } from "@/db/schema";
import type { Db } from "@/db/client";

/**
 * An intent that waited on 3-D Secure and was canceled or expired instead: its waiting attempt is
 * closed as declined, so no attempt stays "requires_action" forever. Run in the transaction that
 * moved the intent.
 */
export async function closeAbandonedChallenge(tx: Db, intentId: string): Promise<number> {
  const closed = await tx
    .update(paymentAttempts)
    .set({
      status: "declined",
      declineCode: "authentication_abandoned",
      failureMessage: "The buyer did not finish 3-D Secure before the payment was canceled or expired.",
      completedAt: sql`kassa_now()`,
    })
    .where(and(eq(paymentAttempts.intentId, intentId), eq(paymentAttempts.status, "requires_action")))
    .returning({ id: paymentAttempts.id });
  return closed.length;
}
