import { and, eq, isNotNull, lt, sql } from "drizzle-orm";
import { paymentIntents, refunds } from "@/db/schema";
import type { Db } from "@/db/client";
import type { CardProcessor } from "@/lib/checkout/processor";
import { processorFor } from "@/lib/checkout/processors/registry";
import { isAppError } from "@/lib/errors/app-error";
import { logError } from "@/lib/errors/log-error";
import { askAcquirer, settleAuthorizationOperation } from "@/lib/intents/authorization-operation";
import { askAcquirerToRefund, settleRefund } from "@/lib/intents/refund-intent";

const STALE = sql`interval '2 minutes'`;
const SYSTEM = { type: "system" } as const;

/**
 * Captures, voids and refunds whose process died, or whose acquirer did not answer: asked again
 * with the same reference (which the acquirer treats as the same request) and settled, or, if the
 * acquirer refuses, given back. Returns how many it settled.
 */
export async function reconcilePendingOperations(db: Db, processor?: CardProcessor, limit = 20): Promise<number> {
  let settled = 0;
  const operations = await db
    .select()
    .from(paymentIntents)
    .where(and(isNotNull(paymentIntents.pendingOperation), lt(paymentIntents.pendingOperationAt, sql`now() - ${STALE}`)))
    .limit(limit);
  for (const intent of operations) {
    try {
      const result = await askAcquirer(db, intent, processor ?? (await processorFor(db, intent)));
      if (!result) continue;
      if (result.ok) await settleAuthorizationOperation(db, intent, SYSTEM);
      else {
        await db
          .update(paymentIntents)
          .set({ pendingOperation: null, pendingOperationAmount: null, pendingOperationAt: null })
          .where(and(eq(paymentIntents.id, intent.id), eq(paymentIntents.pendingOperation, intent.pendingOperation!)));
      }
      settled++;
    } catch (error) {
      logError(`could not reconcile the ${intent.pendingOperation} of ${intent.id}`, error);
    }
  }
  const pendingRefunds = await db
    .select({ refund: refunds, intent: paymentIntents })
    .from(refunds)
    .innerJoin(paymentIntents, eq(paymentIntents.id, refunds.intentId))
    .where(and(eq(refunds.status, "pending"), lt(refunds.createdAt, sql`now() - ${STALE}`)))
    .limit(limit);
  for (const { refund, intent } of pendingRefunds) {
    try {
      const result = await askAcquirerToRefund(db, refund, intent, processor ?? (await processorFor(db, intent)));
      if (!result) continue;
      // A refusal is settled (and the reservation given back) before settleRefund says so by throwing.
      await settleRefund(db, refund, result, SYSTEM).catch((error: unknown) => {
        if (!isAppError(error)) throw error;
      });
      settled++;
    } catch (error) {
      logError(`could not reconcile refund ${refund.id}`, error);
    }
  }
  return settled;
}
