import { eq, sql } from "drizzle-orm";
import { cardTokens, type PaymentIntent } from "@/db/schema";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/rows";
import { AppError } from "@/lib/errors/app-error";
import { afterEventWrites, eventWrites, recordEvent, renderEvent, type Actor, type NewEvent } from "@/lib/events/record-event";
import { withDetail } from "@/lib/intents/intent-details";
import { declinesTotal, paymentsTotal } from "@/lib/observability/metrics";
import { startSubscription } from "@/lib/subscriptions/start-subscription";
import type { Claim } from "./claim-attempt";
import type { AuthorizationResult } from "./processor";
import { settlementPlan, type SettledAttempt, type SettlementPlan } from "./settlement";

export type { SettledAttempt } from "./settlement";

export type SettleOptions = {
  actor: Actor;
  /**
   * Runs in the settling transaction instead of the payment.* events: a renewal reports itself as
   * subscription.renewed or subscription.failed (seed 001), and moves its subscription on.
   */
  instead?: (tx: Db, settled: SettledAttempt, result: AuthorizationResult) => Promise<void>;
};

/**
 * Records the acquirer's answer on the attempt and the intent, with its events, atomically. What is
 * written comes from settlement.ts; how, from here: a first attempt in one statement when it can be,
 * anything else in a transaction.
 */
export async function settleAttempt(db: Db, claim: Claim, result: AuthorizationResult, options: SettleOptions): Promise<SettledAttempt> {
  const settled = await settle(db, claim, result, options);
  paymentsTotal.inc({ dialect: settled.intent.dialect, outcome: settled.outcome });
  if (settled.outcome === "declined") declinesTotal.inc({ code: settled.attempt.declineCode ?? "unknown" });
  return settled;
}

async function settle(db: Db, claim: Claim, result: AuthorizationResult, options: SettleOptions): Promise<SettledAttempt> {
  const plan = settlementPlan(claim, result);
  const savedCard = result.approved ? result.savedCard : undefined;
  if (claim.intentVersion && !options.instead && claim.intent.attemptCount === 1 && !plan.startsSubscription && !savedCard) {
    const settled = await settleInOneStatement(db, plan, claim.intentVersion, paymentEvent(plan.expected, result, options.actor));
    if (settled) return settled;
  }
  return db.transaction(async (tx) => {
    const [row] = await queryRows<{ attempt: unknown; intent: unknown }>(tx, plan.statement());
    // Another request settled it first (the acquirer's webhook and the buyer's return can race): it
    // is settled once, and this one says so rather than failing.
    if (!row?.intent) throw new AppError("intent_unexpected_state", `Payment intent ${claim.intent.id} left processing while this answer was on its way: another request settled it.`);
    const settled = plan.settled(row);
    // What the acquirer kept of the card for renewals, with the payment that made it worth keeping.
    if (savedCard) {
      await tx.update(cardTokens).set({ acquirerCustomer: savedCard.customer, acquirerPaymentMethod: savedCard.paymentMethod }).where(eq(cardTokens.id, claim.token.id));
    }
    // Only a later attempt has earlier ones to read.
    const withAttempts = settled.intent.attemptCount === 1 ? settled : { ...settled, intent: await withDetail(tx, settled.intent) };
    if (options.instead) await options.instead(tx, withAttempts, result);
    else await announce(tx, claim.intent, withAttempts, result, options.actor);
    return withAttempts;
  });
}

/**
 * The common case, a first attempt, with no transaction to open or close: the rows it writes are
 * known in advance (the claim wrote the intent as it stands), so the event's webhook body is rendered
 * from them before they are written, and the statement applies only if the intent is still the very
 * row version the claim wrote. Anything else (another writer came between) answers null, and the
 * caller settles the usual way.
 */
async function settleInOneStatement(db: Db, plan: SettlementPlan, claimedVersion: string, event: NewEvent): Promise<SettledAttempt | null> {
  const rendered = await renderEvent(db, event);
  const [row] = await queryRows<{ attempt: unknown; intent: unknown; queued: number; receipts: number }>(
    db,
    plan.statement({ unchangedSince: claimedVersion, alongside: eventWrites(rendered, sql`exists (select 1 from attempt)`) }),
  );
  if (!row?.intent) return null;
  afterEventWrites(row);
  return plan.settled(row);
}

/** payment.succeeded (and the subscription a recurring intent starts), payment.authorized or payment.failed. */
async function announce(tx: Db, before: PaymentIntent, settled: SettledAttempt, result: AuthorizationResult, actor: Actor) {
  await recordEvent(tx, paymentEvent(settled, result, actor));
  if (settled.outcome === "succeeded" && before.recurringIntervalDays) await startSubscription(tx, settled.intent, actor);
}

function paymentEvent(settled: SettledAttempt, result: AuthorizationResult, actor: Actor): NewEvent {
  const { intent, attempt } = settled;
  if (!result.approved) {
    return {
      merchantId: intent.merchantId,
      type: "payment.failed",
      intent,
      attempt,
      actor,
      details: { decline_code: result.declineCode, message: result.message, final: intent.status === "failed" },
    };
  }
  return { merchantId: intent.merchantId, type: settled.outcome === "succeeded" ? "payment.succeeded" : "payment.authorized", intent, attempt, actor };
}
