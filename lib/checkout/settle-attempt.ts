import { sql } from "drizzle-orm";
import { paymentAttempts, paymentIntents, type PaymentAttempt, type PaymentIntent } from "@/db/schema";
import type { Db } from "@/db/client";
import { fromRow } from "@/db/from-row";
import { jsonValue, queryRows } from "@/db/rows";
import { afterEventWrites, eventWrites, recordEvent, renderEvent, type Actor, type NewEvent } from "@/lib/events/record-event";
import { withDetail, type IntentDetails } from "@/lib/intents/intent-details";
import { startSubscription } from "@/lib/subscriptions/start-subscription";
import type { Claim } from "./claim-attempt";
import type { AuthorizationResult } from "./processor";
import { firstAttemptDetails, settledRows, settlementFor, settlementStatement, type Settlement } from "./settlement";

export type SettledAttempt = {
  /** requires_action: the bank wants the buyer to authenticate first (see challenge-attempt.ts). */
  outcome: "succeeded" | "authorized" | "declined" | "requires_action";
  intent: IntentDetails;
  attempt: PaymentAttempt;
};

export type SettleOptions = {
  actor: Actor;
  /**
   * Runs in the settling transaction instead of the payment.* events: a renewal reports itself as
   * subscription.renewed or subscription.failed (seed 001), and moves its subscription on.
   */
  instead?: (tx: Db, settled: SettledAttempt, result: AuthorizationResult) => Promise<void>;
};

/** Records the acquirer's answer on the attempt and the intent, with its events, atomically. */
export async function settleAttempt(db: Db, claim: Claim, result: AuthorizationResult, options: SettleOptions): Promise<SettledAttempt> {
  const settlement = settlementFor(claim, result, new Date());
  if (claim.intentVersion && !options.instead && claim.intent.attemptCount === 1 && !startsSubscription(claim.intent, settlement)) {
    const settled = await settleFirstAttempt(db, claim, claim.intentVersion, settlement, result, options.actor);
    if (settled) return settled;
  }
  return db.transaction(async (tx) => {
    const settled = await settleBoth(tx, claim, settlement);
    if (options.instead) await options.instead(tx, settled, result);
    else await announce(tx, claim.intent, settled, result, options.actor);
    return settled;
  });
}

/**
 * The common case, a first attempt, in one statement with no transaction to open or close: the
 * rows it writes are known in advance (the claim wrote the intent as it stands), so the event's
 * webhook body is rendered from them before they are written, and the statement applies only if
 * the intent is still the very row version the claim wrote. Anything else (another writer came
 * between) answers null, and the caller settles the usual way.
 */
async function settleFirstAttempt(
  db: Db,
  claim: Claim,
  claimedVersion: string,
  settlement: Settlement,
  result: AuthorizationResult,
  actor: Actor,
): Promise<SettledAttempt | null> {
  const rows = settledRows(claim, settlement);
  const expected = { outcome: settlement.outcome, intent: firstAttemptDetails(rows.intent, rows.attempt, claim.token), attempt: rows.attempt };
  const rendered = await renderEvent(db, paymentEvent(expected, result, actor));
  const [row] = await queryRows<{ attempt: unknown; intent: unknown; queued: number; receipts: number }>(
    db,
    settlementStatement(claim, settlement, { unchangedSince: claimedVersion, alongside: eventWrites(rendered, sql`exists (select 1 from attempt)`) }),
  );
  if (!row?.intent) return null;
  afterEventWrites(row);
  return settledFromRow(claim, settlement, row);
}

/** The attempt's outcome and the intent's move, in one statement, inside the caller's transaction. */
async function settleBoth(tx: Db, claim: Claim, settlement: Settlement): Promise<SettledAttempt> {
  const [row] = await queryRows<{ attempt: unknown; intent: unknown }>(tx, settlementStatement(claim, settlement));
  if (!row?.intent) throw new Error(`Intent ${claim.intent.id} left processing while attempt ${claim.attempt.id} was in flight`);
  const settled = settledFromRow(claim, settlement, row);
  // Only a later attempt has earlier ones to read.
  return settled.intent.attemptCount === 1 ? settled : { ...settled, intent: await withDetail(tx, settled.intent) };
}

function settledFromRow(claim: Claim, settlement: Settlement, row: { attempt: unknown; intent: unknown }): SettledAttempt {
  const attempt = fromRow(paymentAttempts, jsonValue<Record<string, unknown>>(row.attempt));
  const intent = fromRow(paymentIntents, jsonValue<Record<string, unknown>>(row.intent));
  return { outcome: settlement.outcome, intent: firstAttemptDetails(intent, attempt, claim.token), attempt };
}

/** payment.succeeded (and the subscription a recurring intent starts), payment.authorized or payment.failed. */
async function announce(tx: Db, before: PaymentIntent, settled: SettledAttempt, result: AuthorizationResult, actor: Actor) {
  await recordEvent(tx, paymentEvent(settled, result, actor));
  if (settled.outcome === "succeeded" && before.recurringIntervalDays) await startSubscription(tx, settled.intent, actor);
}

function startsSubscription(intent: PaymentIntent, settlement: Settlement): boolean {
  return settlement.outcome === "succeeded" && Boolean(intent.recurringIntervalDays);
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
