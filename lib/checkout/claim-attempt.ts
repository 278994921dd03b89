import { eq, sql } from "drizzle-orm";
import { paymentAttempts, paymentIntents, type CardToken, type PaymentAttempt, type PaymentIntent } from "@/db/schema";
import type { Db } from "@/db/client";
import { AppError } from "@/lib/errors/app-error";
import { newId } from "@/lib/ids";
import { expireIfDue } from "@/lib/intents/expire-intent";
import { transitionIntent } from "@/lib/intents/transition";
import { assertPayable } from "./authenticate-checkout";
import type { ValidCard } from "./card";
import { MAX_ATTEMPTS } from "./limits";
import { tokenizeCard } from "./tokenize-card";

export type Claim = { intent: PaymentIntent; attempt: PaymentAttempt; token: CardToken };

/** A card the buyer just typed (tokenized now, with the email they gave, if any), or a saved one being charged again. */
export type CardSource = { card: ValidCard; customerEmail?: string | null } | { token: CardToken };

/**
 * Moves the intent to `processing` and opens attempt N in one transaction, so only one racing
 * confirm can win it. A loser that finds the intent payable again (the winner was declined
 * meanwhile) tries once more.
 */
export async function claimAttempt(db: Db, intent: PaymentIntent, source: CardSource, guard?: ClaimGuard): Promise<Claim> {
  for (let round = 0; round < 2; round++) {
    const claim = await tryClaim(db, intent, source, guard);
    if (claim) return claim;
    const [current] = await db.select().from(paymentIntents).where(eq(paymentIntents.id, intent.id));
    assertPayable(await expireIfDue(db, current!));
  }
  throw new AppError("payment_processing", "Another payment attempt for this intent has just finished. Please try again.");
}

/** Runs first in the claiming transaction; throwing stops the claim (a renewal checks its subscription). */
export type ClaimGuard = (tx: Db) => Promise<void>;

async function tryClaim(db: Db, intent: PaymentIntent, source: CardSource, guard?: ClaimGuard): Promise<Claim | null> {
  return db.transaction(async (tx) => {
    if (guard) await guard(tx);
    const claimed = await transitionIntent(tx, {
      intentId: intent.id,
      from: ["requires_payment_method"],
      to: "processing",
      set: {
        attemptCount: sql`${paymentIntents.attemptCount} + 1`,
        // An email the merchant already gave stays; the buyer's fills it in only when there was none.
        ...("customerEmail" in source && source.customerEmail
          ? { customerEmail: sql`coalesce(${paymentIntents.customerEmail}, ${source.customerEmail})` }
          : {}),
      },
      guard: sql`${paymentIntents.expiresAt} > now() and ${paymentIntents.attemptCount} < ${MAX_ATTEMPTS}`,
    });
    if (!claimed) return null;
    const token = "token" in source ? source.token : await tokenizeCard(tx, intent.merchantId, source.card);
    const [attempt] = await tx
      .insert(paymentAttempts)
      .values({
        id: newId("pa"),
        intentId: intent.id,
        merchantId: intent.merchantId,
        number: claimed.attemptCount,
        amount: claimed.amount,
        currency: claimed.currency,
        cardTokenId: token.id,
      })
      .returning();
    return { intent: claimed, attempt: attempt!, token };
  });
}
