import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { paymentAttempts } from "@/db/schema";

/** The acquirer's own challenge page for the attempt waiting on 3-D Secure, or null when it is Kassa's (the simulation's). */
export async function acquirerChallengeUrl(db: Db, intentId: string): Promise<string | null> {
  const [waiting] = await db
    .select({ url: paymentAttempts.challengeUrl })
    .from(paymentAttempts)
    .where(and(eq(paymentAttempts.intentId, intentId), eq(paymentAttempts.status, "requires_action")))
    .orderBy(desc(paymentAttempts.number))
    .limit(1);
  return waiting?.url ?? null;
}
