import { eq, sql } from "drizzle-orm";
import { paymentAttempts, paymentIntents, type CardToken, type PaymentAttempt, type PaymentIntent } from "@/db/schema";
import type { Db } from "@/db/client";
import { AppError } from "@/lib/errors/app-error";
import { recordEvent, type Actor } from "@/lib/events/record-event";
import { newId } from "@/lib/ids";
import { expireIfDue } from "@/lib/intents/expire-intent";
import { withDetail, type IntentDetails } from "@/lib/intents/intent-details";
import { intentSnapshot } from "@/lib/intents/snapshot";
import { transitionIntent } from "@/lib/intents/transition";
import { assertPayable, authenticateCheckout } from "./authenticate-checkout";
import { validateCard, type CardInput, type ValidCard } from "./card";
import type { AuthorizationResult, CardProcessor } from "./processor";
import { getProcessor } from "./simulated-processor";
import { MAX_ATTEMPTS } from "./limits";
import { tokenizeCard } from "./tokenize-card";
import { startSubscription } from "@/lib/subscriptions/start-subscription";
import { assertMerchantActive } from "@/lib/accounts/assert-merchant-active";

export type ConfirmInput = { intentId: string; clientSecret: string | null | undefined; card: CardInput };
export type ConfirmResult = {
  outcome: "succeeded" | "authorized" | "declined";
  intent: IntentDetails;
  attempt: PaymentAttempt;
};

const BUYER: Actor = { type: "buyer" };

/**
 * Pays an intent with the card the buyer typed: the checkout page's form post and the Payment
 * API both end here. A decline is a result, not an error, because it is recorded and counts.
 */
export async function confirmIntent(db: Db, input: ConfirmInput, processor = getProcessor()): Promise<ConfirmResult> {
  const intent = await authenticateCheckout(db, input.intentId, input.clientSecret);
  assertPayable(intent);
  await assertMerchantActive(db, intent.merchantId);
  const card = validateCard(input.card);
  const claim = await claimAttempt(db, intent, card);
  const result = await authorize(processor, claim, card);
  return settleAttempt(db, claim, result);
}

type Claim = { intent: PaymentIntent; attempt: PaymentAttempt; token: CardToken };

/**
 * Moves the intent to `processing` and opens attempt N; only one racing confirm can win it. A loser
 * that finds the intent payable again (the winner was declined meanwhile) tries once more.
 */
async function claimAttempt(db: Db, intent: PaymentIntent, card: ValidCard): Promise<Claim> {
  for (let round = 0; round < 2; round++) {
    const claim = await tryClaim(db, intent, card);
    if (claim) return claim;
    const [current] = await db.select().from(paymentIntents).where(eq(paymentIntents.id, intent.id));
    assertPayable(await expireIfDue(db, current!));
  }
  throw new AppError("payment_processing", "Another payment attempt for this intent has just finished. Please try again.");
}

async function tryClaim(db: Db, intent: PaymentIntent, card: ValidCard): Promise<Claim | null> {
  return db.transaction(async (tx) => {
    const claimed = await transitionIntent(tx, {
      intentId: intent.id,
      from: ["requires_payment_method"],
      to: "processing",
      set: { attemptCount: sql`${paymentIntents.attemptCount} + 1` },
      guard: sql`${paymentIntents.expiresAt} > now() and ${paymentIntents.attemptCount} < ${MAX_ATTEMPTS}`,
    });
    if (!claimed) return null;
    const token = await tokenizeCard(tx, intent.merchantId, card);
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

async function authorize(processor: CardProcessor, claim: Claim, card: ValidCard): Promise<AuthorizationResult> {
  try {
    return await processor.authorize({
      reference: claim.attempt.id,
      amount: claim.intent.amount,
      currency: claim.intent.currency,
      card: { pan: card.pan, cvc: card.cvc, expMonth: card.expMonth, expYear: card.expYear },
      token: { fingerprint: claim.token.fingerprint, brand: card.brand, last4: card.last4 },
      capture: claim.intent.captureMethod === "automatic",
    });
  } catch (error) {
    // The acquirer failed, not the card: record a retryable decline rather than leave it processing.
    console.error(`[kassa] processor ${processor.name} failed for attempt ${claim.attempt.id}:`, (error as Error).message);
    return { approved: false, processorReference: "", declineCode: "96", message: "The payment could not be processed. Please try again." };
  }
}

/** Records the processor's answer on the attempt and the intent, with its event, atomically. */
async function settleAttempt(db: Db, claim: Claim, result: AuthorizationResult): Promise<ConfirmResult> {
  const { intent, attempt } = claim;
  return db.transaction(async (tx) => {
    if (result.approved) {
      const capture = intent.captureMethod === "automatic";
      const [settledAttempt] = await tx
        .update(paymentAttempts)
        .set({ status: capture ? "succeeded" : "authorized", processorReference: result.processorReference, completedAt: sql`now()` })
        .where(eq(paymentAttempts.id, attempt.id))
        .returning();
      const paid = await transitionIntent(tx, {
        intentId: intent.id,
        from: ["processing"],
        to: capture ? "succeeded" : "authorized",
        set: {
          cardTokenId: claim.token.id,
          lastError: null,
          amountCaptured: capture ? intent.amount : 0,
          succeededAt: capture ? sql`now()` : null,
        },
      });
      if (!paid) throw new Error(`Intent ${intent.id} left processing while attempt ${attempt.id} was in flight`);
      await recordEvent(tx, {
        merchantId: intent.merchantId,
        type: capture ? "payment.succeeded" : "payment.authorized",
        intentId: intent.id,
        actor: BUYER,
        data: { object: intentSnapshot(paid), attempt_id: attempt.id },
      });
      if (capture && paid.recurringIntervalDays) await startSubscription(tx, paid, BUYER);
      return { outcome: capture ? "succeeded" : "authorized", intent: await withDetail(tx, paid), attempt: settledAttempt! };
    }

    const final = intent.attemptCount >= MAX_ATTEMPTS;
    const [declinedAttempt] = await tx
      .update(paymentAttempts)
      .set({
        status: "declined",
        declineCode: result.declineCode,
        failureMessage: result.message,
        processorReference: result.processorReference || null,
        completedAt: sql`now()`,
      })
      .where(eq(paymentAttempts.id, attempt.id))
      .returning();
    const declined = await transitionIntent(tx, {
      intentId: intent.id,
      from: ["processing"],
      to: final ? "failed" : "requires_payment_method",
      set: { lastError: { code: "card_declined", declineCode: result.declineCode, message: result.message } },
    });
    if (!declined) throw new Error(`Intent ${intent.id} left processing while attempt ${attempt.id} was in flight`);
    await recordEvent(tx, {
      merchantId: intent.merchantId,
      type: "payment.failed",
      intentId: intent.id,
      actor: BUYER,
      data: {
        object: intentSnapshot(declined),
        attempt_id: attempt.id,
        decline_code: result.declineCode,
        message: result.message,
        final,
      },
    });
    return { outcome: "declined", intent: await withDetail(tx, declined), attempt: declinedAttempt! };
  });
}
