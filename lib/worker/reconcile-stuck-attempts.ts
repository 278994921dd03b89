import { and, eq, lt, sql } from "drizzle-orm";
import { cardTokens, paymentAttempts, paymentIntents } from "@/db/schema";
import type { Db } from "@/db/client";
import type { CardProcessor } from "@/lib/checkout/processor";
import { settleFromAcquirer } from "@/lib/checkout/settle-from-acquirer";
import { processorFor } from "@/lib/checkout/processors/registry";
import { logError } from "@/lib/errors/log-error";

/** An attempt still processing after this long lost its process between asking the acquirer and settling. */
const STUCK_AFTER = sql`interval '2 minutes'`;

/** Settles attempts whose process died mid-payment (see settleFromAcquirer). Returns how many it settled. */
export async function reconcileStuckAttempts(db: Db, processor?: CardProcessor, limit = 20): Promise<number> {
  const stuck = await db
    .select({ attempt: paymentAttempts, intent: paymentIntents, token: cardTokens })
    .from(paymentAttempts)
    .innerJoin(paymentIntents, eq(paymentIntents.id, paymentAttempts.intentId))
    .innerJoin(cardTokens, eq(cardTokens.id, paymentAttempts.cardTokenId))
    .where(
      and(
        eq(paymentAttempts.status, "processing"),
        eq(paymentIntents.status, "processing"),
        lt(paymentAttempts.createdAt, sql`now() - ${STUCK_AFTER}`),
        // An attempt resumed after a 3-D Secure challenge is old, but has been processing only since then.
        lt(paymentIntents.updatedAt, sql`now() - ${STUCK_AFTER}`),
      ),
    )
    .limit(limit);
  let settled = 0;
  for (const open of stuck) {
    try {
      await settleFromAcquirer(db, open, processor ?? (await processorFor(db, open.intent)));
      settled++;
    } catch (error) {
      // Another instance settled it first, or it will be tried on the next pass.
      logError(`could not reconcile attempt ${open.attempt.id}`, error);
    }
  }
  return settled;
}
