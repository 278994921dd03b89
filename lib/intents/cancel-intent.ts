import { and, eq, sql } from "drizzle-orm";
import { paymentIntents, type PaymentIntent } from "@/db/schema";
import type { Db } from "@/db/client";
import { AppError } from "@/lib/errors/app-error";
import { recordEvent, type Actor } from "@/lib/events/record-event";
import { closeAbandonedChallenge } from "./close-abandoned-challenge";
import { getIntent } from "./get-intent";
import { voidIntent } from "./void-intent";
import { transitionIntent } from "./transition";
import { merchantOf, ownedBy, type Owner } from "@/db/owner";
import { intentTime } from "@/lib/test-clocks/intent-time";
import { chainFundedRefusal, chainFundsArrived, hasChainFunds, lockDeposit } from "@/lib/stablecoins/chain-funds";
import { onClockOf } from "@/lib/test-clocks/clock-context";

export const CANCELLATION_REASONS = ["requested_by_customer", "duplicate", "fraudulent", "abandoned"] as const;
export type CancellationReason = (typeof CANCELLATION_REASONS)[number];

/**
 * Cancels one of this merchant's intents while it can still be paid. The buyer's cancel link
 * comes through here too, after the checkout has checked the client secret.
 */
export async function cancelIntent(
  db: Db,
  owner: Owner,
  intentId: string,
  actor: Actor,
  reason: CancellationReason | null = null,
): Promise<PaymentIntent> {
  const canceled = await onClockOf(db, await clockOf(db, owner, intentId), (db) => db.transaction(async (tx) => {
    // The deposit's lock first, as the chain watcher takes it: a cancel that waited on a watcher
    // recording money then reads, in its own next statement, that the money arrived.
    await lockDeposit(tx, owner, intentId);
    const intent = await transitionIntent(tx, {
      intentId,
      from: ["requires_payment_method", "requires_action"],
      to: "canceled",
      set: { canceledAt: sql`kassa_now()`, cancellationReason: reason },
      guard: sql`${ownedBy(paymentIntents, owner)} and ${paymentIntents.expiresAt} > ${intentTime()} and not ${chainFundsArrived()}`,
    });
    if (intent) {
      await closeAbandonedChallenge(tx, intent.id);
      await recordEvent(tx, {
        merchantId: merchantOf(owner),
        type: "payment.canceled",
        intent,
        actor,
        details: { reason, message: cancelMessage(actor) },
      });
    }
    return intent;
  }));
  if (canceled) return canceled;

  const current = await getIntent(db, owner, intentId);
  // Canceling an authorization releases it, as Stripe does.
  if (current.status === "authorized") return voidIntent(db, owner, intentId, actor, cancelMessage(actor));
  if (current.status === "requires_payment_method" && (await hasChainFunds(db, intentId))) throw chainFundedRefusal("canceled");
  throw new AppError(
    "intent_unexpected_state",
    `This payment intent is ${current.status} and can no longer be canceled; only intents awaiting payment can.`,
    { extra: { status: current.status } },
  );
}

/** The intent's test clock, if it has one; a cancel on a clock happens at the clock's time. */
async function clockOf(db: Db, owner: Owner, intentId: string): Promise<string | null> {
  const [row] = await db.select({ clock: paymentIntents.testClockId }).from(paymentIntents).where(and(eq(paymentIntents.id, intentId), ownedBy(paymentIntents, owner)));
  return row?.clock ?? null;
}

function cancelMessage(actor: Actor): string {
  return actor.type === "buyer" ? "The buyer canceled the payment." : "The payment intent was canceled via the API.";
}
