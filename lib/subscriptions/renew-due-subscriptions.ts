import { and, eq, inArray, sql } from "drizzle-orm";
import { cardTokens, paymentIntents, subscriptions, type PaymentIntent, type Subscription } from "@/db/schema";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/rows";
import { authorizeAttempt } from "@/lib/checkout/authorize-attempt";
import { claimAttempt } from "@/lib/checkout/claim-attempt";
import type { CardProcessor } from "@/lib/checkout/processor";
import { settleAttempt } from "@/lib/checkout/settle-attempt";
import { getProcessor } from "@/lib/checkout/simulated-processor";
import { describeError } from "@/lib/errors/log-error";
import { isAppError } from "@/lib/errors/app-error";
import { createIntent } from "@/lib/intents/create-intent";
import { RENEWAL_LEASE_SECONDS } from "./renewal-policy";
import { settleRenewal } from "./settle-renewal";

/** A renewal's intent stays open through every retry of its period. */
const RENEWAL_INTENT_SECONDS = 60 * 24 * 3600;

/**
 * Charges every subscription whose next charge is due, on the saved card. Each is claimed under a
 * lease with FOR UPDATE SKIP LOCKED, so several instances can run this together and each period is
 * charged by one of them; the period's intent is unique per subscription and period, and its
 * attempts are numbered, so a period is never charged twice even across a crash.
 */
export async function renewDueSubscriptions(db: Db, limit = 10, processor = getProcessor()): Promise<number> {
  const due = await claimDue(db, limit);
  for (const subscription of due) {
    try {
      await renewOne(db, subscription, processor);
    } catch (error) {
      const reason = isAppError(error) ? error.message : describeError(error);
      console.error(`[kassa] renewal of ${subscription.id} did not run and will be tried again: ${reason}`);
      await db.update(subscriptions).set({ renewalLockedUntil: null }).where(eq(subscriptions.id, subscription.id));
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
        where status in ('active', 'past_due') and next_charge_at <= now()
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

async function renewOne(db: Db, subscription: Subscription, processor: CardProcessor): Promise<void> {
  const intent = await periodIntent(db, subscription);
  if (intent.status !== "requires_payment_method") {
    // Charged already (a crash came between charge and bookkeeping) or mid-charge: the stuck-attempt
    // reconciler settles those; here, just let go of the lease.
    await db.update(subscriptions).set({ renewalLockedUntil: null }).where(eq(subscriptions.id, subscription.id));
    return;
  }
  const [token] = await db.select().from(cardTokens).where(eq(cardTokens.id, subscription.cardTokenId));
  const claim = await claimAttempt(db, intent, { token: token! });
  const result = await authorizeAttempt(processor, claim);
  await settleAttempt(db, claim, result, {
    actor: { type: "system" },
    instead: (tx, settled) => settleRenewal(tx, subscription, settled, result),
  });
}

/** The intent that bills this period, created on the first try and reused by every retry. */
async function periodIntent(db: Db, subscription: Subscription): Promise<PaymentIntent> {
  const thisPeriod = and(eq(paymentIntents.subscriptionId, subscription.id), eq(paymentIntents.subscriptionPeriod, subscription.nextPeriod));
  const [existing] = await db.select().from(paymentIntents).where(thisPeriod);
  if (existing) return existing;
  const [first] = await db.select().from(paymentIntents).where(eq(paymentIntents.id, subscription.intentId));
  return createIntent(
    db,
    subscription.merchantId,
    {
      dialect: subscription.dialect,
      amount: subscription.amount,
      currency: subscription.currency,
      description: `Renewal ${subscription.nextPeriod - 1} of ${first!.description ?? "subscription"}`.slice(0, 1000),
      referenceId: null,
      customerEmail: first!.customerEmail,
      customerName: first!.customerName,
      lineItems: first!.lineItems,
      taxAmount: first!.taxAmount,
      discountAmount: first!.discountAmount,
      metadata: subscription.metadata,
      subscriptionId: subscription.id,
      subscriptionPeriod: subscription.nextPeriod,
      expiresInSeconds: RENEWAL_INTENT_SECONDS,
    },
    { type: "system" },
  );
}
