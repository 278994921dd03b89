import { sql } from "drizzle-orm";
import { paymentAttempts, paymentIntents, type PaymentAttempt, type PaymentIntent } from "@/db/schema";
import type { Db } from "@/db/client";
import { fromRow } from "@/db/from-row";
import { jsonValue, queryRows } from "@/db/rows";
import { recordEvent, type Actor } from "@/lib/events/record-event";
import { withDetail, type IntentDetails } from "@/lib/intents/intent-details";
import { transitionStatement, type Transition } from "@/lib/intents/transition";
import { startSubscription } from "@/lib/subscriptions/start-subscription";
import type { Claim } from "./claim-attempt";
import { MAX_ATTEMPTS } from "./limits";
import type { AuthorizationResult } from "./processor";

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
  return db.transaction(async (tx) => {
    const settled = result.approved ? await approve(tx, claim, result) : await decline(tx, claim, result);
    if (options.instead) await options.instead(tx, settled, result);
    else await announce(tx, claim.intent, settled, result, options.actor);
    return settled;
  });
}

async function approve(tx: Db, claim: Claim, result: Extract<AuthorizationResult, { approved: true }>): Promise<SettledAttempt> {
  const capture = claim.intent.captureMethod === "automatic";
  const settled = await settleBoth(
    tx,
    claim,
    { status: capture ? "succeeded" : "authorized", processorReference: result.processorReference },
    {
      intentId: claim.intent.id,
      from: ["processing"],
      to: capture ? "succeeded" : "authorized",
      set: {
        cardTokenId: claim.token.id,
        lastError: null,
        amountCaptured: capture ? claim.intent.amount : 0,
        ...(capture ? { succeededAt: sql`now()` } : { authorizedAt: sql`now()` }),
      },
    },
  );
  return { outcome: capture ? "succeeded" : "authorized", ...settled };
}

async function decline(tx: Db, claim: Claim, result: Extract<AuthorizationResult, { approved: false }>): Promise<SettledAttempt> {
  const final = claim.intent.attemptCount >= MAX_ATTEMPTS;
  const settled = await settleBoth(
    tx,
    claim,
    { status: "declined", declineCode: result.declineCode, failureMessage: result.message, processorReference: result.processorReference || null },
    {
      intentId: claim.intent.id,
      from: ["processing"],
      to: final ? "failed" : "requires_payment_method",
      set: { lastError: { code: "card_declined", declineCode: result.declineCode, message: result.message } },
    },
  );
  return { outcome: "declined", ...settled };
}

type AttemptOutcome = Pick<typeof paymentAttempts.$inferInsert, "status" | "declineCode" | "failureMessage" | "processorReference">;

/**
 * The attempt's outcome and the intent's move, in one statement; then the intent's attempts, which
 * only need reading when this was not its first.
 */
async function settleBoth(tx: Db, claim: Claim, outcome: AttemptOutcome, transition: Transition): Promise<Omit<SettledAttempt, "outcome">> {
  const [row] = await queryRows<{ attempt: unknown; intent: unknown }>(
    tx,
    sql`
      with attempt as (
        update ${paymentAttempts}
        set status = ${outcome.status}, decline_code = ${outcome.declineCode ?? null}, failure_message = ${outcome.failureMessage ?? null},
            processor_reference = ${outcome.processorReference ?? null}, completed_at = now()
        where id = ${claim.attempt.id}
        returning *
      ),
      intent as (${transitionStatement(transition)})
      select (select to_json(attempt) from attempt) as attempt, (select to_json(intent) from intent) as intent`,
  );
  if (!row?.intent) throw new Error(`Intent ${claim.intent.id} left processing while attempt ${claim.attempt.id} was in flight`);
  const attempt = fromRow(paymentAttempts, jsonValue<Record<string, unknown>>(row.attempt));
  const intent = fromRow(paymentIntents, jsonValue<Record<string, unknown>>(row.intent));
  const details =
    intent.attemptCount === 1
      ? { ...intent, attempts: [{ ...attempt, card: claim.token }], card: intent.cardTokenId === claim.token.id ? claim.token : null }
      : await withDetail(tx, intent);
  return { intent: details, attempt };
}

/** payment.succeeded (and the subscription a recurring intent starts), payment.authorized or payment.failed. */
async function announce(tx: Db, before: PaymentIntent, settled: SettledAttempt, result: AuthorizationResult, actor: Actor) {
  const { intent, attempt } = settled;
  if (settled.outcome === "declined" && !result.approved) {
    await recordEvent(tx, {
      merchantId: intent.merchantId,
      type: "payment.failed",
      intent,
      attempt,
      actor,
      details: { decline_code: result.declineCode, message: result.message, final: intent.status === "failed" },
    });
    return;
  }
  await recordEvent(tx, {
    merchantId: intent.merchantId,
    type: settled.outcome === "succeeded" ? "payment.succeeded" : "payment.authorized",
    intent,
    attempt,
    actor,
  });
  if (settled.outcome === "succeeded" && before.recurringIntervalDays) await startSubscription(tx, intent, actor);
}
