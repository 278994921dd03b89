import { eq, sql, type SQL } from "drizzle-orm";
import { cardTokens, merchants, paymentAttempts, paymentIntents, type CardToken, type PaymentAttempt, type PaymentIntent } from "@/db/schema";
import type { Db } from "@/db/client";
import { fromRow } from "@/db/from-row";
import { jsonValue, queryRows } from "@/db/rows";
import { AppError } from "@/lib/errors/app-error";
import { newId } from "@/lib/ids";
import { expireIfDue } from "@/lib/intents/expire-intent";
import { transitionStatement } from "@/lib/intents/transition";
import { assertPayable, authenticatePayment } from "./authenticate-checkout";
import type { ValidCard } from "./card";
import { cardFingerprint } from "./fingerprint";
import { MAX_ATTEMPTS } from "./limits";
import { intentTime } from "@/lib/test-clocks/intent-time";
import { cardMayPay } from "@/lib/stablecoins/card-allowed";

export type Claim = {
  intent: PaymentIntent;
  attempt: PaymentAttempt;
  token: CardToken;
  /** The intent row's version (xmin) as the claim wrote it; absent for a claim that was read, not written. */
  intentVersion?: string;
};

/** A card the buyer just typed (tokenized now, with the email they gave, if any), or a saved one being charged again. */
export type CardSource = { card: ValidCard; customerEmail?: string | null; buyerLocale?: string | null } | { token: CardToken };

/** Runs first in the claiming transaction; throwing stops the claim (a renewal checks its subscription). */
export type ClaimGuard = (tx: Db) => Promise<void>;

/**
 * Moves the intent to `processing` and opens attempt N (with the card's token) in one statement, so
 * only one racing confirm can win it and nothing is half-written. A loser that finds the intent
 * payable again (the winner was declined meanwhile) tries once more.
 */
export async function claimAttempt(db: Db, intent: PaymentIntent, source: CardSource, guard?: ClaimGuard): Promise<Claim> {
  for (let round = 0; round < 2; round++) {
    const claim = guard ? await db.transaction(async (tx) => (await guard(tx), tryClaim(tx, intent.id, source))) : await tryClaim(db, intent.id, source);
    if (claim) return claim;
    const [current] = await db.select().from(paymentIntents).where(eq(paymentIntents.id, intent.id));
    assertPayable(await expireIfDue(db, current!));
  }
  throw new AppError("payment_processing", "Another payment attempt for this intent has just finished. Please try again.");
}

/**
 * The buyer's payment: the claim itself checks the client secret and that the merchant may take
 * money, so a payment that goes through costs one statement here. Only when it does not claim is
 * the intent read, for the reason (unknown, wrong secret, expired, already paid, merchant
 * suspended), or to try again when it has just become payable.
 */
export async function claimPayment(db: Db, intentId: string, clientSecret: string | null | undefined, source: CardSource): Promise<Claim> {
  const claim = clientSecret ? await tryClaim(db, intentId, source, buyerMayPay(clientSecret)) : null;
  return claim ?? claimAttempt(db, await authenticatePayment(db, intentId, clientSecret), source);
}

/** The secret compared as SHA-256 digests, so how long the comparison takes says nothing about the secret. */
function buyerMayPay(clientSecret: string): SQL {
  return sql`sha256(convert_to(${paymentIntents.clientSecret}, 'UTF8')) = sha256(convert_to(${clientSecret}::text, 'UTF8'))
    and exists (select 1 from ${merchants} merchant where merchant.id = ${paymentIntents.merchantId} and merchant.status = 'active')`;
}

async function tryClaim(db: Db, intentId: string, source: CardSource, guard?: SQL): Promise<Claim | null> {
  const claimed = transitionStatement({
    intentId,
    from: ["requires_payment_method"],
    to: "processing",
    set: {
      attemptCount: sql`${paymentIntents.attemptCount} + 1`,
      // What the buyer gave now replaces what they gave before (a corrected email); the merchant's own fields stay as sent.
      ...("customerEmail" in source && source.customerEmail ? { buyerEmail: source.customerEmail } : {}),
      ...("buyerLocale" in source && source.buyerLocale ? { buyerLocale: source.buyerLocale } : {}),
    },
    guard: sql`${paymentIntents.expiresAt} > ${intentTime()} and ${paymentIntents.attemptCount} < ${MAX_ATTEMPTS} and ${cardMayPay()} ${guard ? sql`and ${guard}` : sql``}`,
  });
  const tokenId = "token" in source ? source.token.id : newId("tok");
  const [row] = await queryRows<{ intent: Record<string, unknown> | null; token: Record<string, unknown> | null; attempt: Record<string, unknown> | null }>(
    db,
    sql`
      with claimed as (${claimed}),
      token as (${"card" in source ? newToken(tokenId, source.card) : sql`select null where false`}),
      attempt as (
        insert into ${paymentAttempts} (id, intent_id, merchant_id, number, amount, currency, card_token_id)
        select ${newId("pa")}, id, merchant_id, attempt_count, amount, currency, ${tokenId} from claimed
        returning *
      )
      select (select to_json(claimed) from claimed) as intent, (select to_json(attempt) from attempt) as attempt,
             ${"card" in source ? sql`(select to_json(token) from token)` : sql`null`} as token`,
  );
  if (!row?.intent || !row.attempt) return null;
  const intent = jsonValue<Record<string, unknown>>(row.intent);
  return {
    intent: fromRow(paymentIntents, intent),
    intentVersion: String(intent.row_version),
    attempt: fromRow(paymentAttempts, jsonValue<Record<string, unknown>>(row.attempt)),
    token: "token" in source ? source.token : fromRow(cardTokens, jsonValue<Record<string, unknown>>(row.token)),
  };
}

/** Keeps what may be kept of a card (brand, last 4, expiry, fingerprint), for the claimed intent's merchant; never the number or CVC. */
function newToken(id: string, card: ValidCard) {
  return sql`
    insert into ${cardTokens} (id, merchant_id, brand, last4, exp_month, exp_year, fingerprint, cardholder_name)
    select ${id}, merchant_id, ${card.brand}, ${card.last4}, ${card.expMonth}, ${card.expYear}, ${cardFingerprint(card.pan)}, ${card.name}
    from claimed
    returning *`;
}
