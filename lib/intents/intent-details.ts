import { asc, eq, inArray, sql } from "drizzle-orm";
import { cardTokens, paymentAttempts, paymentIntents, type CardToken, type PaymentAttempt, type PaymentIntent } from "@/db/schema";
import type { Db } from "@/db/client";
import { fromRow } from "@/db/from-row";
import { jsonValue } from "@/db/rows";

export type AttemptWithCard = PaymentAttempt & { card: CardToken };
export type IntentDetails = PaymentIntent & { attempts: AttemptWithCard[]; card: CardToken | null };

/** Attaches attempts and cards to a page of intents in two queries, whatever the page size. */
export async function withDetails(db: Db, intents: PaymentIntent[]): Promise<IntentDetails[]> {
  if (intents.length === 0) return [];
  const rows = await db
    .select({ attempt: paymentAttempts, card: cardTokens })
    .from(paymentAttempts)
    .innerJoin(cardTokens, eq(cardTokens.id, paymentAttempts.cardTokenId))
    .where(inArray(paymentAttempts.intentId, intents.map((intent) => intent.id)))
    .orderBy(asc(paymentAttempts.number));
  return intents.map((intent) => details(intent, rows.filter((row) => row.attempt.intentId === intent.id).map((row) => ({ ...row.attempt, card: row.card }))));
}

export async function withDetail(db: Db, intent: PaymentIntent): Promise<IntentDetails> {
  const [found] = await withDetails(db, [intent]);
  return found!;
}

/** A new intent has no attempts and no card yet: its details need no query. */
export function newIntentDetails(intent: PaymentIntent): IntentDetails {
  return { ...intent, attempts: [], card: null };
}

/**
 * An intent row as one JSON value: the driver parses one column instead of forty-odd, each with its
 * own parser (measured: about 5% more reads per second). For reads of one row by id only: the
 * planner evaluates it before a sort, so in a sorted list it would be built for every row the
 * filter matches, not just the page.
 */
export const INTENT_JSON = sql`to_json(${paymentIntents}) as intent_json`;

/** Each intent's attempts with their cards, as JSON beside the intent's own columns, so a read is one query. */
export const WITH_ATTEMPTS = sql`coalesce((
  select json_agg(json_build_object('attempt', to_json(a), 'card', to_json(c)) order by a.number)
  from ${paymentAttempts} a join ${cardTokens} c on c.id = a.card_token_id
  where a.intent_id = ${paymentIntents.id}), '[]'::json) as attempts_json`;

/** A row of `payment_intents.*` or INTENT_JSON, with WITH_ATTEMPTS beside it, as IntentDetails. */
export function intentDetailsFromRow(row: Record<string, unknown>): IntentDetails {
  const attempts = (jsonValue(row.attempts_json) as { attempt: Record<string, unknown>; card: Record<string, unknown> }[]).map(({ attempt, card }) => ({
    ...fromRow(paymentAttempts, attempt),
    card: fromRow(cardTokens, card),
  }));
  const intent = row.intent_json === undefined ? row : jsonValue<Record<string, unknown>>(row.intent_json);
  return details(fromRow(paymentIntents, intent), attempts);
}


function details(intent: PaymentIntent, attempts: AttemptWithCard[]): IntentDetails {
  const card = attempts.find((attempt) => attempt.cardTokenId === intent.cardTokenId)?.card ?? null;
  return { ...intent, attempts, card };
}

/** The intent's details, read only when the caller does not already hold them (a settle does). */
export async function detailsOf(db: Db, intent: PaymentIntent | IntentDetails): Promise<IntentDetails> {
  return "attempts" in intent ? intent : withDetail(db, intent);
}
