import { and, eq, lt, sql } from "drizzle-orm";
import { cardTokens, paymentAttempts, paymentIntents, subscriptions } from "@/db/schema";
import type { Db } from "@/db/client";
import { PROCESSING_ERROR } from "@/lib/checkout/authorize-attempt";
import type { CardProcessor } from "@/lib/checkout/processor";
import { settleAttempt } from "@/lib/checkout/settle-attempt";
import { getProcessor } from "@/lib/checkout/simulated-processor";
import { logError } from "@/lib/errors/log-error";
import { settleRenewal } from "@/lib/subscriptions/settle-renewal";

/** An attempt still processing after this long lost its process between asking the acquirer and settling. */
const STUCK_AFTER = sql`interval '2 minutes'`;

/**
 * Settles attempts whose process died mid-payment, with what the acquirer says became of them (by
 * Kassa's reference); one the acquirer never saw is a "96" decline, so no money moved and the buyer
 * or the renewal schedule may try again. Returns how many it settled.
 */
export async function reconcileStuckAttempts(db: Db, processor: CardProcessor = getProcessor(), limit = 20): Promise<number> {
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
  for (const claim of stuck) {
    try {
      const result = (await processor.retrieve(claim.attempt.id)) ?? { ...PROCESSING_ERROR, processorReference: "" };
      const [subscription] = claim.intent.subscriptionId
        ? await db.select().from(subscriptions).where(eq(subscriptions.id, claim.intent.subscriptionId))
        : [];
      await settleAttempt(db, claim, result, {
        actor: { type: "system" },
        instead: subscription ? (tx, outcome) => settleRenewal(tx, subscription, outcome, result) : undefined,
      });
      settled++;
    } catch (error) {
      // Another instance settled it first, or it will be tried on the next pass.
      logError(`could not reconcile attempt ${claim.attempt.id}`, error);
    }
  }
  return settled;
}
