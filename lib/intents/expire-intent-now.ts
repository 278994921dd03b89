import { sql } from "drizzle-orm";
import { paymentIntents, type PaymentIntent } from "@/db/schema";
import type { Db } from "@/db/client";
import { AppError } from "@/lib/errors/app-error";
import { recordEvent, type Actor } from "@/lib/events/record-event";
import { closeAbandonedChallenge } from "./close-abandoned-challenge";
import { EXPIRABLE } from "./expire-intent";
import { getIntent } from "./get-intent";
import { transitionIntent } from "./transition";
import { merchantOf, ownedBy, type Owner } from "@/db/owner";
import { chainFundedRefusal, chainFundsArrived, hasChainFunds } from "@/lib/stablecoins/chain-funds";

/**
 * Ends one of this merchant's unpaid intents as `expired` before its time, as its expiry would: the
 * merchant closes a checkout that must no longer be paid (Stripe's "expire a Checkout Session").
 */
export async function expireIntentNow(db: Db, owner: Owner, intentId: string, actor: Actor): Promise<PaymentIntent> {
  const expired = await db.transaction(async (tx) => {
    const intent = await transitionIntent(tx, {
      intentId,
      from: EXPIRABLE,
      to: "expired",
      guard: sql`${ownedBy(paymentIntents, owner)} and not ${chainFundsArrived()}`,
    });
    if (!intent) return null;
    await closeAbandonedChallenge(tx, intent.id);
    await recordEvent(tx, { merchantId: merchantOf(owner), type: "payment.expired", intent, actor, details: { message: "The payment intent was expired via the API." } });
    return intent;
  });
  if (expired) return expired;
  const current = await getIntent(db, owner, intentId);
  if (current.status === "requires_payment_method" && (await hasChainFunds(db, intentId))) throw chainFundedRefusal("expired early");
  throw new AppError("intent_unexpected_state", `This payment intent is ${current.status} and can no longer be expired; only intents awaiting payment can.`, {
    extra: { status: current.status },
  });
}
