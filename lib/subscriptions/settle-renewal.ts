import { and, eq, inArray, sql } from "drizzle-orm";
import { subscriptions, type Subscription } from "@/db/schema";
import type { Db } from "@/db/client";
import type { SettledAttempt } from "@/lib/checkout/settle-attempt";
import type { AuthorizationResult } from "@/lib/checkout/processor";
import { recordEvent } from "@/lib/events/record-event";
import { retryDelaySeconds } from "./renewal-policy";

const SYSTEM = { type: "system" } as const;

/**
 * Moves a subscription on after a renewal charge, in the charge's own transaction: a new period on
 * success; past_due with a retry on a decline; canceled once the period's intent has failed for good.
 * Guarded by the period, so a settle that arrives twice moves it once.
 */
export async function settleRenewal(tx: Db, subscription: Subscription, settled: SettledAttempt, result: AuthorizationResult): Promise<void> {
  if (settled.outcome !== "declined") {
    const renewed = await advancePeriod(tx, subscription, settled.intent.subscriptionPeriod ?? -1);
    if (renewed) {
      await recordEvent(tx, { merchantId: renewed.merchantId, type: "subscription.renewed", subscription: renewed, intent: settled.intent, attempt: settled.attempt, actor: SYSTEM });
    } else {
      // Canceled while the charge was in flight: the money moved, so the merchant must hear of it.
      await recordEvent(tx, {
        merchantId: subscription.merchantId,
        type: "payment.succeeded",
        intent: settled.intent,
        attempt: settled.attempt,
        actor: SYSTEM,
        details: { message: "A renewal was charged while its subscription was being canceled; refund it if it should not stand." },
      });
    }
    return;
  }

  const samePeriod = and(
    eq(subscriptions.id, subscription.id),
    eq(subscriptions.nextPeriod, settled.intent.subscriptionPeriod ?? -1),
    inArray(subscriptions.status, ["active", "past_due"]),
  );
  const message = result.approved ? "The renewal was declined." : result.message;
  const finalDecline = settled.intent.status === "failed";
  const [failed] = await tx
    .update(subscriptions)
    .set({
      status: finalDecline ? "canceled" : "past_due",
      failedCharges: sql`${subscriptions.failedCharges} + 1`,
      nextChargeAt: finalDecline ? sql`${subscriptions.nextChargeAt}` : sql`kassa_now() + make_interval(secs => ${retryDelaySeconds(subscription.failedCharges + 1)})`,
      canceledAt: finalDecline ? sql`kassa_now()` : null,
      renewalLockedUntil: null,
      // A test helper's one declined renewal has happened.
      failNextRenewal: null,
      updatedAt: sql`kassa_now()`,
    })
    .where(samePeriod)
    .returning();
  if (!failed) return;
  const about = { merchantId: failed.merchantId, subscription: failed, intent: settled.intent, attempt: settled.attempt, actor: SYSTEM };
  await recordEvent(tx, { ...about, type: "subscription.failed", details: { message, decline_code: result.approved ? null : result.declineCode } });
  if (finalDecline) {
    await recordEvent(tx, { ...about, type: "subscription.canceled", details: { message: "The subscription was canceled after repeated declined renewals." } });
  }
}

/**
 * Starts the next period once `period` is paid; null if the subscription has moved on or ended. A
 * late payment (after retries, or a worker that was down) starts the period now, so missed periods
 * are never charged back to back.
 */
export async function advancePeriod(tx: Db, subscription: Subscription, period: number): Promise<Subscription | null> {
  const periodStart = sql`greatest(${subscriptions.currentPeriodEnd}, kassa_now())`;
  const [renewed] = await tx
    .update(subscriptions)
    .set({
      status: "active",
      failedCharges: 0,
      currentPeriodStart: periodStart,
      currentPeriodEnd: sql`${periodStart} + make_interval(days => ${subscription.intervalDays})`,
      nextChargeAt: sql`${periodStart} + make_interval(days => ${subscription.intervalDays})`,
      nextPeriod: sql`${subscriptions.nextPeriod} + 1`,
      renewalLockedUntil: null,
      updatedAt: sql`kassa_now()`,
    })
    .where(
      and(eq(subscriptions.id, subscription.id), eq(subscriptions.nextPeriod, period), inArray(subscriptions.status, ["active", "past_due"])),
    )
    .returning();
  return renewed ?? null;
}
