import { and, eq, inArray, sql } from "drizzle-orm";
import { paymentIntents, subscriptions, type Subscription } from "@/db/schema";
import { transitionIntent } from "@/lib/intents/transition";
import type { Db } from "@/db/client";
import { AppError } from "@/lib/errors/app-error";
import { recordEvent, type Actor } from "@/lib/events/record-event";
import { getSubscription } from "./get-subscription";
import { merchantOf, ownedBy, type Owner } from "@/db/owner";

/** Stops future charges; one conditional update, so a second cancel is told it already happened. */
export async function cancelSubscription(db: Db, owner: Owner, subscriptionId: string, actor: Actor): Promise<Subscription> {
  const canceled = await db.transaction(async (tx) => {
    const [subscription] = await tx
      .update(subscriptions)
      .set({ status: "canceled", canceledAt: sql`kassa_now()`, updatedAt: sql`kassa_now()` })
      .where(
        and(
          eq(subscriptions.id, subscriptionId),
          ownedBy(subscriptions, owner),
          inArray(subscriptions.status, ["active", "past_due"]),
        ),
      )
      .returning();
    if (subscription) {
      await cancelOpenRenewal(tx, subscription, actor);
      await recordEvent(tx, {
        merchantId: merchantOf(owner),
        type: "subscription.canceled",
        subscription,
        actor,
        details: { message: "The subscription was canceled via the API." },
      });
    }
    return subscription ?? null;
  });
  if (canceled) return canceled;
  const current = await getSubscription(db, owner, subscriptionId);
  throw new AppError("subscription_unexpected_state", `This subscription is already ${current.status}.`, {
    extra: { status: current.status },
  });
}

/** A renewal still awaiting its retry will not be charged now; its intent is canceled with the subscription. */
async function cancelOpenRenewal(tx: Db, subscription: Subscription, actor: Actor): Promise<void> {
  const [open] = await tx
    .select()
    .from(paymentIntents)
    .where(
      and(
        eq(paymentIntents.subscriptionId, subscription.id),
        eq(paymentIntents.subscriptionPeriod, subscription.nextPeriod),
        eq(paymentIntents.status, "requires_payment_method"),
      ),
    );
  if (!open) return;
  const canceled = await transitionIntent(tx, {
    intentId: open.id,
    from: ["requires_payment_method"],
    to: "canceled",
    set: { canceledAt: sql`kassa_now()`, cancellationReason: "abandoned" },
  });
  if (canceled) {
    await recordEvent(tx, { merchantId: canceled.merchantId, type: "payment.canceled", intent: canceled, actor, details: { message: "The subscription was canceled." } });
  }
}
