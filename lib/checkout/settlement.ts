import { sql, type SQL } from "drizzle-orm";
import { paymentAttempts, paymentIntents, type CardToken, type IntentStatus, type PaymentAttempt, type PaymentIntent } from "@/db/schema";
import type { IntentDetails } from "@/lib/intents/intent-details";
import { transitionStatement } from "@/lib/intents/transition";
import type { Claim } from "./claim-attempt";
import { MAX_ATTEMPTS } from "./limits";
import type { AuthorizationResult } from "./processor";

type AttemptOutcome = Pick<PaymentAttempt, "status" | "declineCode" | "failureMessage" | "processorReference" | "completedAt">;
type IntentChange = Partial<Pick<PaymentIntent, "cardTokenId" | "lastError" | "amountCaptured" | "succeededAt" | "authorizedAt">>;

/**
 * What the acquirer's answer does to the attempt and the intent, as plain values (the time
 * included, taken once), so the rows it writes are known before they are written. The time is the
 * application's clock, like an event's created_at, not the database's now(): hosts kept by NTP
 * agree to milliseconds, and nothing compares these stamps at a finer grain than minutes.
 */
export type Settlement = {
  outcome: "succeeded" | "authorized" | "declined";
  at: Date;
  attempt: AttemptOutcome;
  to: IntentStatus;
  set: IntentChange;
};

export function settlementFor(claim: Claim, result: AuthorizationResult, at: Date): Settlement {
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
export function settlementStatement(claim: Claim, settlement: Settlement, options: { unchangedSince?: string; alongside?: SQL } = {}): SQL {
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

/** The rows a settlement writes, worked out from the claim: what the statement will return if it applies. */
export function settledRows(claim: Claim, settlement: Settlement): { intent: PaymentIntent; attempt: PaymentAttempt } {
  return {
    intent: { ...claim.intent, ...settlement.set, status: settlement.to, updatedAt: settlement.at },
    attempt: { ...claim.attempt, ...settlement.attempt },
  };
}

/** An intent whose only attempt is this one needs no query for its details. */
export function firstAttemptDetails(intent: PaymentIntent, attempt: PaymentAttempt, token: CardToken): IntentDetails {
  return { ...intent, attempts: [{ ...attempt, card: token }], card: intent.cardTokenId === token.id ? token : null };
}
