import { and, eq, inArray, sql } from "drizzle-orm";
import { cardTokens, merchants, paymentIntents, subscriptions, type PaymentIntent, type Subscription } from "@/db/schema";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/rows";
import { authorizeSavedCard } from "@/lib/checkout/authorize-attempt";
import { claimAttempt } from "@/lib/checkout/claim-attempt";
import type { AuthorizationResult, CardProcessor } from "@/lib/checkout/processor";
import { declineMessage } from "@/lib/checkout/test-cards";
import { settleAttempt } from "@/lib/checkout/settle-attempt";
import { processorFor } from "@/lib/checkout/processors/registry";
import { AppError, isAppError } from "@/lib/errors/app-error";
import { logError } from "@/lib/errors/log-error";
import { logger } from "@/lib/observability/logger";
import { recordEvent } from "@/lib/events/record-event";
import { createIntent } from "@/lib/intents/create-intent";
import { RENEWAL_LEASE_SECONDS } from "./renewal-policy";
import { advancePeriod, settleRenewal } from "./settle-renewal";

/** A renewal's intent stays open through every retry of its period. */
const RENEWAL_INTENT_SECONDS = 60 * 24 * 3600;
/** When a renewal cannot even be tried (suspended merchant, an error), it waits this long. */
const BACK_OFF = sql`interval '1 hour'`;
const SYSTEM = { type: "system" } as const;

/**
 * Charges every subscription whose next charge is due, on the saved card. Each is claimed under a
 * lease with FOR UPDATE SKIP LOCKED, so several instances can run this together and each period is
 * charged by one of them; the period's intent is unique per subscription and period, and its
 * attempts are numbered, so a period is never charged twice even across a crash.
 */
export async function renewDueSubscriptions(db: Db, limit = 10, processor?: CardProcessor): Promise<number> {
  const due = await claimDue(db, limit);
  for (const subscription of due) {
    try {
      await renewSubscription(db, subscription, processor);
    } catch (error) {
      if (isAppError(error)) logger().warn({ subscription_id: subscription.id, reason: error.message }, "renewal did not run; it waits an hour");
      else logError("renewal did not run; it waits an hour", error, { subscription_id: subscription.id });
      await postpone(db, subscription.id);
    }
  }
  return due.length;
}

async function claimDue(db: Db, limit: number): Promise<Subscription[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`
      update ${subscriptions} set renewal_locked_until = now() + make_interval(secs => ${RENEWAL_LEASE_SECONDS})
      where id in (
        select id from ${subscriptions}
        where status in ('active', 'past_due') and next_charge_at <= now() and test_clock_id is null
          and (renewal_locked_until is null or renewal_locked_until < now())
        order by next_charge_at
        limit ${limit}
        for update skip locked
      )
      returning id`,
  );
  if (rows.length === 0) return [];
  return db.select().from(subscriptions).where(inArray(subscriptions.id, rows.map((row) => row.id)));
}

/** Charges one due subscription's period on its saved card (the worker's claim, or its test clock, decided it is due). */
export async function renewSubscription(db: Db, subscription: Subscription, processor: CardProcessor | undefined): Promise<void> {
  const [merchant] = await db.select({ status: merchants.status }).from(merchants).where(eq(merchants.id, subscription.merchantId));
  if (merchant?.status !== "active") throw new AppError("merchant_suspended", "The merchant is suspended; its renewals wait.");
  const intent = await periodIntent(db, subscription);
  if (intent.status === "processing") {
    // Mid-charge when its process died: the stuck-attempt reconciler settles it.
    await release(db, subscription.id);
    return;
  }
  if (intent.status !== "requires_payment_method") {
    await closePeriod(db, subscription, intent);
    return;
  }
  const [token] = await db.select().from(cardTokens).where(eq(cardTokens.id, subscription.cardTokenId));
  // Checked again under the subscription's row lock, so a cancel that came after the claim wins.
  const stillBilled = async (tx: Db) => {
    const [row] = await tx.select({ status: subscriptions.status }).from(subscriptions).where(eq(subscriptions.id, subscription.id)).for("update");
    if (row?.status !== "active" && row?.status !== "past_due") throw new AppError("subscription_unexpected_state", "The subscription was canceled.");
  };
  const claim = await claimAttempt(db, intent, { token: token! }, stillBilled);
  const result = subscription.failNextRenewal && subscription.mode === "test"
    ? simulatedDecline(claim.attempt.id, subscription.failNextRenewal)
    : await authorizeSavedCard(processor ?? (await processorFor(db, subscription)), claim);
  await settleAttempt(db, claim, result, { actor: SYSTEM, instead: (tx, settled) => settleRenewal(tx, subscription, settled, result) });
}

/** What a test helper's fail_next_renewal makes of the next renewal: a decline with its code, no card charged. */
function simulatedDecline(attemptId: string, declineCode: string): AuthorizationResult {
  return { approved: false, processorReference: `sim_${attemptId}`, declineCode, message: declineMessage(declineCode) };
}

/**
 * The period's intent ended without this worker settling it: paid (its process died after the
 * charge), so the subscription moves on; or canceled, expired or failed by someone else, so the
 * subscription ends rather than be retried forever.
 */
async function closePeriod(db: Db, subscription: Subscription, intent: PaymentIntent): Promise<void> {
  await db.transaction(async (tx) => {
    if (intent.status === "succeeded" || intent.status === "authorized") {
      const advanced = await advancePeriod(tx, subscription, subscription.nextPeriod);
      if (advanced) await recordEvent(tx, { merchantId: advanced.merchantId, type: "subscription.renewed", subscription: advanced, intent, actor: SYSTEM });
      return;
    }
    const [ended] = await tx
      .update(subscriptions)
      .set({ status: "canceled", canceledAt: sql`kassa_now()`, renewalLockedUntil: null })
      .where(and(eq(subscriptions.id, subscription.id), inArray(subscriptions.status, ["active", "past_due"])))
      .returning();
    if (ended) {
      const message = `The subscription ended because its renewal payment was ${intent.status}.`;
      await recordEvent(tx, { merchantId: ended.merchantId, type: "subscription.canceled", subscription: ended, intent, actor: SYSTEM, details: { message } });
    }
  });
}

async function release(db: Db, subscriptionId: string): Promise<void> {
  await db.update(subscriptions).set({ renewalLockedUntil: null }).where(eq(subscriptions.id, subscriptionId));
}

async function postpone(db: Db, subscriptionId: string): Promise<void> {
  await db
    .update(subscriptions)
    .set({ renewalLockedUntil: null, nextChargeAt: sql`greatest(${subscriptions.nextChargeAt}, now() + ${BACK_OFF})` })
    .where(eq(subscriptions.id, subscriptionId));
}

/** The intent that bills this period, created on the first try and reused by every retry. */
async function periodIntent(db: Db, subscription: Subscription): Promise<PaymentIntent> {
  const thisPeriod = and(eq(paymentIntents.subscriptionId, subscription.id), eq(paymentIntents.subscriptionPeriod, subscription.nextPeriod));
  const [existing] = await db.select().from(paymentIntents).where(thisPeriod);
  if (existing) return existing;
  const [first] = await db.select().from(paymentIntents).where(eq(paymentIntents.id, subscription.intentId));
  return createIntent(
    db,
    { id: subscription.merchantId, mode: subscription.mode },
    {
      dialect: subscription.dialect,
      amount: subscription.amount,
      currency: subscription.currency,
      description: `Renewal ${subscription.nextPeriod - 1} of ${first!.description ?? "subscription"}`.slice(0, 1000),
      customerEmail: first!.customerEmail,
      locale: first!.locale,
      buyerEmail: first!.buyerEmail,
      buyerLocale: first!.buyerLocale,
      customerName: first!.customerName,
      lineItems: first!.lineItems,
      taxAmount: first!.taxAmount,
      discountAmount: first!.discountAmount,
      metadata: subscription.metadata,
      subscriptionId: subscription.id,
      subscriptionPeriod: subscription.nextPeriod,
      testClockId: subscription.testClockId,
      expiresInSeconds: RENEWAL_INTENT_SECONDS,
    },
    SYSTEM,
  );
}
