import { asc, eq, inArray } from "drizzle-orm";
import { cardTokens, paymentAttempts, type CardToken, type PaymentAttempt, type PaymentIntent } from "@/db/schema";
import type { Db } from "@/db/client";

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
  return intents.map((intent) => {
    const attempts = rows
      .filter((row) => row.attempt.intentId === intent.id)
      .map((row) => ({ ...row.attempt, card: row.card }));
    const card = attempts.find((attempt) => attempt.cardTokenId === intent.cardTokenId)?.card ?? null;
    return { ...intent, attempts, card };
  });
}

export async function withDetail(db: Db, intent: PaymentIntent): Promise<IntentDetails> {
  const [details] = await withDetails(db, [intent]);
  return details!;
}
