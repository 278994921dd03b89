import { and, desc, eq, inArray } from "drizzle-orm";
import { paymentAttempts, type PaymentAttempt, type PaymentIntent } from "@/db/schema";
import type { Db } from "@/db/client";

/** The attempt whose authorization the intent holds: what capture, void and refund act on. */
export async function approvedAttempt(db: Db, intent: PaymentIntent): Promise<PaymentAttempt> {
  const [attempt] = await db
    .select()
    .from(paymentAttempts)
    .where(and(eq(paymentAttempts.intentId, intent.id), inArray(paymentAttempts.status, ["authorized", "succeeded"])))
    .orderBy(desc(paymentAttempts.number))
    .limit(1);
  if (!attempt) throw new Error(`Intent ${intent.id} is ${intent.status} but has no approved attempt`);
  return attempt;
}
