import { and, eq, sql } from "drizzle-orm";
import { cardTokens, merchants, paymentAttempts, paymentIntents } from "@/db/schema";
import type { Db } from "@/db/client";
import { fromRow } from "@/db/from-row";
import { jsonValue, queryRows } from "@/db/rows";
import { recordEvent } from "@/lib/events/record-event";
import { AppError, cannotAcceptPayments } from "@/lib/errors/app-error";
import { withDetail } from "@/lib/intents/intent-details";
import { transitionStatement } from "@/lib/intents/transition";
import { authenticateCheckout } from "./authenticate-checkout";
import { completeAuthentication } from "./authorize-attempt";
import type { Claim } from "./claim-attempt";
import type { AuthenticationRequired, CardProcessor } from "./processor";
import { settleAttempt, type SettledAttempt } from "./settle-attempt";
import { processorFor } from "./processors/registry";
import { closeAbandonedChallenge } from "@/lib/intents/close-abandoned-challenge";
import { intentTime } from "@/lib/test-clocks/intent-time";
import { onClockOf } from "@/lib/test-clocks/clock-context";

/**
 * The bank asked for 3-D Secure: the attempt waits as `requires_action`, and so does the intent,
 * until the buyer answers the challenge. Recorded (for the dashboard's timeline) in the same
 * transaction.
 */
export async function awaitChallenge(db: Db, claim: Claim, result: AuthenticationRequired): Promise<SettledAttempt> {
  return db.transaction(async (tx) => {
    const [row] = await queryRows<{ attempt: unknown; intent: unknown }>(
      tx,
      sql`
        with intent as (${transitionStatement({ intentId: claim.intent.id, from: ["processing"], to: "requires_action" })}),
        attempt as (
          -- After the intent, as every statement that moves both locks them, so two cannot deadlock.
          update ${paymentAttempts} set status = 'requires_action', processor_reference = ${result.processorReference},
            challenge_url = ${result.challengeUrl ?? null}
          where id = ${claim.attempt.id} and exists (select 1 from intent) returning *
        )
        select (select to_json(attempt) from attempt) as attempt, (select to_json(intent) from intent) as intent`,
    );
    if (!row?.intent) throw new Error(`Intent ${claim.intent.id} left processing while attempt ${claim.attempt.id} was in flight`);
    const attempt = fromRow(paymentAttempts, jsonValue(row.attempt) as Record<string, unknown>);
    const intent = fromRow(paymentIntents, jsonValue(row.intent) as Record<string, unknown>);
    await recordEvent(tx, {
      merchantId: intent.merchantId,
      type: "payment.requires_action",
      intent,
      attempt,
      actor: { type: "buyer" },
      details: { action: "three_d_secure", message: "The card's bank asked the buyer to authenticate (3-D Secure)." },
    });
    return { outcome: "requires_action", intent: await withDetail(tx, intent), attempt };
  });
}

export type ChallengeAnswer = { intentId: string; clientSecret: string | null | undefined; authenticated: boolean };

/**
 * The buyer's answer to the bank's challenge: the intent goes back to `processing` (one answer wins
 * if two race), the acquirer finishes the authorization, and the attempt settles as any other —
 * paid, or declined with "authentication_failed", which counts as one of the buyer's attempts.
 */
export async function completeChallenge(db: Db, answer: ChallengeAnswer, processor?: CardProcessor): Promise<SettledAttempt> {
  const intent = await authenticateCheckout(db, answer.intentId, answer.clientSecret);
  const settled = await completeWaitingChallenge(db, intent.id, answer.authenticated, processor);
  if (!settled) {
    throw new AppError("intent_unexpected_state", "This payment is not waiting for authentication.", { extra: { status: intent.status } });
  }
  return settled;
}

/**
 * Finishes the attempt waiting on a challenge, whoever learnt it was answered: the buyer coming
 * back, or the acquirer's webhook. Null when none waits (the other one was first).
 */
export async function completeWaitingChallenge(db: Db, intentId: string, authenticated: boolean, processor?: CardProcessor): Promise<SettledAttempt | null> {
  const claim = await resumeChallenge(db, intentId);
  if (claim === "merchant_suspended") throw cannotAcceptPayments();
  if (!claim) return null;
  // On an intent's test clock, at the clock's time, like the payment it finishes.
  return onClockOf(db, claim.intent.testClockId, async (db) => {
    const result = await completeAuthentication(processor ?? (await processorFor(db, claim.intent)), claim, authenticated);
    return settleAttempt(db, claim, result, { actor: { type: "buyer" } });
  });
}

/**
 * requires_action → processing, with the attempt that waited and its card, in one statement; null
 * if it was not waiting. Only while the merchant may take money, and only with the attempt that
 * waits, so the intent never moves on without it.
 */
async function resumeChallenge(db: Db, intentId: string): Promise<Claim | null | "merchant_suspended"> {
  const waiting = sql`select 1 from ${paymentAttempts} a where a.intent_id = ${paymentIntents.id} and a.status = 'requires_action'`;
  const active = sql`select 1 from ${merchants} m where m.id = ${paymentIntents.merchantId} and m.status = 'active'`;
  const resumed = transitionStatement({
    intentId,
    from: ["requires_action"],
    to: "processing",
    guard: sql`${paymentIntents.expiresAt} > ${intentTime()} and exists (${waiting}) and exists (${active})`,
  });
  const [row] = await queryRows<{ intent: unknown; attempt: unknown; token: unknown }>(
    db,
    sql`
      with intent as (${resumed}),
      attempt as (
        update ${paymentAttempts} set status = 'processing'
        where id = (select a.id from ${paymentAttempts} a join intent on a.intent_id = intent.id
                    where a.status = 'requires_action' order by a.number desc limit 1)
        returning *
      )
      select (select to_json(intent) from intent) as intent, (select to_json(attempt) from attempt) as attempt,
             (select to_json(t) from ${cardTokens} t join attempt on t.id = attempt.card_token_id) as token`,
  );
  if (!row?.intent || !row.attempt || !row.token) {
    const [merchant] = await db.select({ status: merchants.status }).from(merchants).innerJoin(paymentIntents, eq(paymentIntents.merchantId, merchants.id)).where(eq(paymentIntents.id, intentId));
    return merchant && merchant.status !== "active" ? "merchant_suspended" : null;
  }
  const intent = jsonValue<Record<string, unknown>>(row.intent);
  return {
    intent: fromRow(paymentIntents, intent),
    intentVersion: String(intent.row_version),
    attempt: fromRow(paymentAttempts, jsonValue(row.attempt) as Record<string, unknown>),
    token: fromRow(cardTokens, jsonValue(row.token) as Record<string, unknown>),
  };
}

/**
 * The challenge of an intent whose time ran out while it waited is closed as given up
 * (authentication_abandoned), whatever still moves the intent itself (the clock's sweep, or the
 * chain watcher for one with a deposit). False when no challenge waits or the time is not up.
 */
export async function giveUpExpiredChallenge(db: Db, intentId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [expired] = await tx
      .select({ id: paymentIntents.id })
      .from(paymentIntents)
      .where(and(eq(paymentIntents.id, intentId), eq(paymentIntents.status, "requires_action"), sql`${paymentIntents.expiresAt} <= ${intentTime()}`))
      .for("update");
    if (!expired) return false;
    return (await closeAbandonedChallenge(tx, intentId)) > 0;
  });
}
