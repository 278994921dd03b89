import { and, eq, isNull, lte, or, sql } from "drizzle-orm";
import { paymentIntents, type IntentStatus, type PaymentIntent } from "@/db/schema";
import type { Db } from "@/db/client";
import { recordEvent } from "@/lib/events/record-event";
import { currentTime, onAClock } from "@/lib/test-clocks/clock-context";
import { expiryDecidedByChain } from "@/lib/stablecoins/expiry-by-chain";
import { closeAbandonedChallenge } from "./close-abandoned-challenge";
import { transitionIntent } from "./transition";

/** Not paid yet: open, or waiting on the buyer's bank (an unanswered 3-D Secure challenge). */
export const EXPIRABLE: IntentStatus[] = ["requires_payment_method", "requires_action"];

/** App and database clocks may disagree by this much; within it, the database decides. */
const CLOCK_SLACK_MS = 60_000;

/**
 * Moves an unpaid intent past its expiry to `expired` and records it, deciding by the database's
 * clock. Reads call this so nobody sees a stale `requires_payment_method`.
 */
export async function expireIfDue(db: Db, intent: PaymentIntent): Promise<PaymentIntent> {
  // An intent on a test clock expires only when its clock is advanced past its expiry.
  if (intent.testClockId && !onAClock()) return intent;
  if (!EXPIRABLE.includes(intent.status) || intent.expiresAt.getTime() > currentTime().getTime() + CLOCK_SLACK_MS) {
    return intent;
  }
  return db.transaction(async (tx) => {
    const expired = await transitionIntent(tx, {
      intentId: intent.id,
      from: EXPIRABLE,
      to: "expired",
      guard: sql`${paymentIntents.expiresAt} <= kassa_now() and not ${expiryDecidedByChain()}`,
    });
    if (!expired) {
      const [current] = await tx.select().from(paymentIntents).where(eq(paymentIntents.id, intent.id));
      return current ?? intent;
    }
    // Whatever the caller last saw: a challenge may have opened since it read the intent.
    await closeAbandonedChallenge(tx, intent.id);
    await recordEvent(tx, {
      merchantId: expired.merchantId,
      type: "payment.expired",
      intent: expired,
      actor: { type: "system" },
      details: { message: "The payment intent expired before it was paid." },
    });
    return expired;
  });
}

/** Expires every overdue intent (of one merchant, when given), up to `limit`; returns how many. */
export async function expireDueIntents(db: Db, merchantId?: string, limit = 100): Promise<number> {
  const due = await db
    .select()
    .from(paymentIntents)
    .where(
      and(
        or(eq(paymentIntents.status, "requires_payment_method"), eq(paymentIntents.status, "requires_action")),
        lte(paymentIntents.expiresAt, sql`now()`),
        isNull(paymentIntents.testClockId),
        sql`not ${expiryDecidedByChain()}`,
        merchantId ? eq(paymentIntents.merchantId, merchantId) : undefined,
      ),
    )
    .limit(limit);
  let expired = 0;
  for (const intent of due) if ((await expireIfDue(db, intent)).status === "expired") expired++;
  return expired;
}
