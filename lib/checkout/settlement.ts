import { sql, type SQL } from "drizzle-orm";
import { paymentAttempts, paymentIntents, type CardToken, type IntentStatus, type PaymentAttempt, type PaymentIntent } from "@/db/schema";
import { fromRow } from "@/db/from-row";
import { jsonValue } from "@/db/rows";
import type { IntentDetails } from "@/lib/intents/intent-details";
import { transitionStatement } from "@/lib/intents/transition";
import type { Claim } from "./claim-attempt";
import { MAX_ATTEMPTS } from "./limits";
import type { AuthorizationResult } from "./processor";
import { currentTime } from "@/lib/test-clocks/clock-context";

type AttemptOutcome = Pick<PaymentAttempt, "status" | "declineCode" | "failureMessage" | "processorReference" | "completedAt">;
type IntentChange = Partial<Pick<PaymentIntent, "cardTokenId" | "lastError" | "amountCaptured" | "succeededAt" | "authorizedAt">>;

export type SettledAttempt = {
  /** requires_action: the bank wants the buyer to authenticate first (see challenge-attempt.ts). */
  outcome: "succeeded" | "authorized" | "declined" | "requires_action";
  intent: IntentDetails;
  attempt: PaymentAttempt;
};

type StatementOptions = { unchangedSince?: string; alongside?: SQL };

/**
 * What the acquirer's answer writes, worked out once from the claim: settle-attempt.ts decides how
 * to write it (one statement, or a transaction with its events), and asks this plan what.
 */
export type SettlementPlan = {
  outcome: Settlement["outcome"];
  /** A first payment of a recurring intent: it starts a subscription in the same transaction. */
  startsSubscription: boolean;
  /** The attempt and intent as the statement will leave them, before it runs: for the event rendered beside it. */
  expected: SettledAttempt;
  /** The attempt's outcome and the intent's move in one statement, answering both rows as JSON. */
  statement(options?: StatementOptions): SQL;
  /** The settled rows as the statement answered them. */
  settled(row: { attempt: unknown; intent: unknown }): SettledAttempt;
};

export function settlementPlan(claim: Claim, result: AuthorizationResult, at = currentTime()): SettlementPlan {
  const settlement = settlementFor(claim, result, at);
  const intent: PaymentIntent = { ...claim.intent, ...settlement.set, status: settlement.to, updatedAt: settlement.at };
  const attempt: PaymentAttempt = { ...claim.attempt, ...settlement.attempt };
  return {
    outcome: settlement.outcome,
    startsSubscription: settlement.outcome === "succeeded" && Boolean(claim.intent.recurringIntervalDays),
    expected: { outcome: settlement.outcome, intent: firstAttemptDetails(intent, attempt, claim.token), attempt },
    statement: (options) => settlementStatement(claim, settlement, options),
    settled(row) {
      const settledAttempt = fromRow(paymentAttempts, jsonValue<Record<string, unknown>>(row.attempt));
      const settledIntent = fromRow(paymentIntents, jsonValue<Record<string, unknown>>(row.intent));
      return { outcome: settlement.outcome, intent: firstAttemptDetails(settledIntent, settledAttempt, claim.token), attempt: settledAttempt };
    },
  };
}

/**
 * What the acquirer's answer does to the attempt and the intent, as plain values (the time
 * included, taken once), so the rows it writes are known before they are written. The time is the
 * application's clock, like an event's created_at, not the database's now(): hosts kept by NTP
 * agree to milliseconds, and nothing compares these stamps at a finer grain than minutes.
 */
type Settlement = {
  outcome: "succeeded" | "authorized" | "declined";
  at: Date;
  attempt: AttemptOutcome;
  to: IntentStatus;
  set: IntentChange;
};

function settlementFor(claim: Claim, result: AuthorizationResult, at: Date): Settlement {
  if (result.approved) {
    const capture = claim.intent.captureMethod === "automatic";
    return {
      outcome: capture ? "succeeded" : "authorized",
      at,
      attempt: { status: capture ? "succeeded" : "authorized", declineCode: null, failureMessage: null, processorReference: result.processorReference, completedAt: at },
      to: capture ? "succeeded" : "authorized",
      set: {
        cardTokenId: claim.token.id,
        lastError: null,
        amountCaptured: capture ? claim.intent.amount : 0,
        ...(capture ? { succeededAt: at } : { authorizedAt: at }),
      },
    };
  }
  return {
    outcome: "declined",
    at,
    attempt: { status: "declined", declineCode: result.declineCode, failureMessage: result.message, processorReference: result.processorReference || null, completedAt: at },
    to: claim.intent.attemptCount >= MAX_ATTEMPTS ? "failed" : "requires_payment_method",
    set: { lastError: { code: "card_declined", declineCode: result.declineCode, message: result.message } },
  };
}

/**
 * The attempt's outcome and the intent's move in one statement, answering both rows as JSON.
 * `unchangedSince` adds that the intent is still the row version the claim wrote; `alongside`
 * adds WITH entries that run only when both moved (the event that records it).
 */
function settlementStatement(claim: Claim, settlement: Settlement, options: StatementOptions = {}): SQL {
  const { attempt } = settlement;
  const intentMove = transitionStatement({
    intentId: claim.intent.id,
    from: ["processing"],
    to: settlement.to,
    set: settlement.set,
    at: settlement.at,
    // Only with the attempt this settles, still processing and still the intent's latest: a stale
    // claim (the reconciler's, read before the attempt was settled) moves nothing.
    guard: sql`exists (select 1 from ${paymentAttempts} a where a.id = ${claim.attempt.id} and a.status = 'processing'
                       and a.number = ${paymentIntents.attemptCount})
               ${options.unchangedSince ? sql`and xmin::text = ${options.unchangedSince}` : sql``}`,
  });
  return sql`
    with intent as (${intentMove}),
    attempt as (
      update ${paymentAttempts}
      set status = ${attempt.status}, decline_code = ${attempt.declineCode}, failure_message = ${attempt.failureMessage},
          processor_reference = ${attempt.processorReference}, completed_at = ${sql.param(attempt.completedAt, paymentAttempts.completedAt)}
      where id = ${claim.attempt.id} and status = 'processing' and exists (select 1 from intent)
      returning *
    )${options.alongside ? sql`, ${options.alongside}` : sql``}
    select (select to_json(attempt) from attempt) as attempt, (select to_json(intent) from intent) as intent,
      -- Both or neither: should one move without the other, the cast fails (at run time: it is not a
      -- constant the planner could fold) and the whole statement with it.
      case when (select count(*) from intent) <> (select count(*) from attempt)
        then cast('the settlement would move the intent and its attempt apart: ' || (select count(*) from attempt) as int) end as apart
      ${options.alongside ? sql`, (select count(*) from queued)::int as queued, (select count(*) from receipt)::int as receipts` : sql``}`;
}

/** An intent whose only attempt is this one needs no query for its details. */
function firstAttemptDetails(intent: PaymentIntent, attempt: PaymentAttempt, token: CardToken): IntentDetails {
  return { ...intent, attempts: [{ ...attempt, card: token }], card: intent.cardTokenId === token.id ? token : null };
}
