import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
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
/** How long a request may hold a clock while it advances it. */
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
  await hold(db, clock.id);
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
      await onClockTime(db, time, async (tx) => {
        await happen(tx, next, processor);
        await tx.update(testClocks).set({ frozenTime: time, updatedAt: sql`now()` }).where(eq(testClocks.id, clock.id));
      });
    }
    const [advanced] = await db
      .update(testClocks)
      .set({ frozenTime: to, advancingUntil: null, updatedAt: sql`now()` })
      .where(eq(testClocks.id, clock.id))
      .returning();
    return advanced!;
  } catch (error) {
    await db.update(testClocks).set({ advancingUntil: null }).where(eq(testClocks.id, clock.id));
    throw error;
  }
}

async function hold(db: Db, clockId: string): Promise<void> {
  const [held] = await db
    .update(testClocks)
    .set({ advancingUntil: sql`now() + make_interval(secs => ${LEASE_SECONDS})` })
    .where(and(eq(testClocks.id, clockId), or(isNull(testClocks.advancingUntil), lt(testClocks.advancingUntil, sql`now()`))))
    .returning({ id: testClocks.id });
  if (!held) throw new AppError("test_clock_advancing", "This clock is being advanced already; wait for that to finish.");
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
    await renewSubscription(tx, subscription, processor);
  } catch (error) {
    if (!isAppError(error)) throw error;
    // What the worker does with a renewal that cannot run (a suspended merchant): it waits an hour, on the clock.
    await tx
      .update(subscriptions)
      .set({ nextChargeAt: sql`kassa_now() + interval '1 hour'` })
      .where(eq(subscriptions.id, subscription.id));
  }
}
