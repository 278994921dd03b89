import { and, eq, isNull, lt, lte, or, sql } from "drizzle-orm";
import { paymentIntents, subscriptions, testClocks, type TestClock } from "@/db/schema";
import type { Db } from "@/db/client";
import type { Owner } from "@/db/owner";
import type { CardProcessor } from "@/lib/checkout/processor";
import { AppError, isAppError } from "@/lib/errors/app-error";
import { expireIfDue } from "@/lib/intents/expire-intent";
import { authorizationHours } from "@/lib/intents/void-stale-authorizations";
import { voidIntent } from "@/lib/intents/void-intent";
import { renewSubscription } from "@/lib/subscriptions/renew-due-subscriptions";
import { onClockTime } from "./clock-context";
import { getTestClock } from "./get-test-clock";
import { nextHappening, type Happening } from "./next-happening";

/** How far one advance may go (Stripe allows two billing intervals; a year covers every interval Kassa bills). */
export const MAX_ADVANCE_MS = 2 * 366 * 24 * 3600_000;
/** What one advance may run at most: a clock with more than this due has been abused, not tested. */
const MAX_HAPPENINGS = 2_000;
/** How long a request may hold a clock between two steps of its advance (each step renews it). */
const LEASE_SECONDS = 300;

/**
 * Moves a clock forward to `to`, running, in order, everything due on it in between (each expiry,
 * renewal with its declines and retries, cancellation after the last retry, stale authorization
 * voided), each at its own time on the clock and in its own transaction, with the clock standing at
 * that time when it commits. An advance cut short (a crash) leaves the clock at the last thing it
 * ran; advancing again carries on from there.
 */
export async function advanceTestClock(db: Db, owner: Owner, clockId: string, to: Date, processor?: CardProcessor): Promise<TestClock> {
  const clock = await getTestClock(db, owner, clockId);
  if (to.getTime() <= clock.frozenTime.getTime()) {
    throw new AppError("parameter_invalid", "frozen_time must be later than the clock's current time.", { param: "frozen_time" });
  }
  if (to.getTime() - clock.frozenTime.getTime() > MAX_ADVANCE_MS) {
    throw new AppError("parameter_invalid", "A clock can be advanced by at most two years at a time.", { param: "frozen_time" });
  }
  let lease = await hold(db, clock.id);
  const held = () => and(eq(testClocks.id, clock.id), eq(testClocks.advancingUntil, lease), isNull(testClocks.deletedAt));
  try {
    let time = clock.frozenTime;
    const ran = new Set<string>();
    for (let count = 0; ; count++) {
      const next = await nextHappening(db, clock.id, time, to);
      if (!next) break;
      const key = `${next.kind}:${next.id}:${next.at.getTime()}`;
      if (ran.has(key) || count >= MAX_HAPPENINGS) {
        throw new AppError("payment_processing", "Something on this clock is still being processed; advance it again in a moment.");
      }
      ran.add(key);
      time = next.at;
      const renewed = leaseFromNow();
      await onClockTime(db, time, async (tx) => {
        await happen(tx, next, processor);
        // Only while this advance still holds the clock (renewing the hold), and never backwards.
        const [moved] = await tx
          .update(testClocks)
          .set({ frozenTime: time, advancingUntil: renewed, updatedAt: sql`now()` })
          .where(and(held(), lte(testClocks.frozenTime, time)))
          .returning({ id: testClocks.id });
        if (!moved) throw lostHold();
      });
      lease = renewed;
    }
    const [advanced] = await db.update(testClocks).set({ frozenTime: to, advancingUntil: null, updatedAt: sql`now()` }).where(held()).returning();
    if (!advanced) throw lostHold();
    return advanced;
  } catch (error) {
    await db.update(testClocks).set({ advancingUntil: null }).where(held());
    throw error;
  }
}

const leaseFromNow = () => new Date(Date.now() + LEASE_SECONDS * 1000);
const lostHold = () => new AppError("test_clock_advancing", "This clock was deleted or taken over by another advance; read it again.");

/** Takes the clock for this advance; the lease's own time is the token every later step checks. */
async function hold(db: Db, clockId: string): Promise<Date> {
  const lease = leaseFromNow();
  const [held] = await db
    .update(testClocks)
    .set({ advancingUntil: lease })
    .where(and(eq(testClocks.id, clockId), isNull(testClocks.deletedAt), or(isNull(testClocks.advancingUntil), lt(testClocks.advancingUntil, sql`now()`))))
    .returning({ id: testClocks.id });
  if (!held) throw new AppError("test_clock_advancing", "This clock is being advanced already; wait for that to finish.");
  return lease;
}

const SYSTEM = { type: "system" } as const;

async function happen(tx: Db, happening: Happening, processor: CardProcessor | undefined): Promise<void> {
  if (happening.kind === "expire") {
    const [intent] = await tx.select().from(paymentIntents).where(eq(paymentIntents.id, happening.id));
    if (intent) await expireIfDue(tx, intent);
    return;
  }
  if (happening.kind === "void") {
    const [intent] = await tx.select({ merchantId: paymentIntents.merchantId }).from(paymentIntents).where(eq(paymentIntents.id, happening.id));
    if (intent) await voidIntent(tx, intent.merchantId, happening.id, SYSTEM, `Voided automatically: not captured within ${authorizationHours()} hours.`);
    return;
  }
  const [subscription] = await tx.select().from(subscriptions).where(eq(subscriptions.id, happening.id));
  if (!subscription) return;
  try {
    // In a savepoint of its own, so a renewal that cannot run leaves nothing half-written behind.
    await tx.transaction((renewal) => renewSubscription(renewal, subscription, processor));
  } catch (error) {
    if (!isAppError(error)) throw error;
    // What the worker does with a renewal that cannot run (a suspended merchant): it waits an hour, on the clock.
    await tx
      .update(subscriptions)
      .set({ nextChargeAt: sql`kassa_now() + interval '1 hour'` })
      .where(eq(subscriptions.id, subscription.id));
  }
}
