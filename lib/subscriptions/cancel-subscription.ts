import { and, eq, inArray, sql } from "drizzle-orm";
import { subscriptions, type Subscription } from "@/db/schema";
import type { Db } from "@/db/client";
import { AppError } from "@/lib/errors/app-error";
import { recordEvent, type Actor } from "@/lib/events/record-event";
import { getSubscription } from "./get-subscription";

/** Stops future charges; one conditional update, so a second cancel is told it already happened. */
export async function cancelSubscription(db: Db, merchantId: string, subscriptionId: string, actor: Actor): Promise<Subscription> {
  const canceled = await db.transaction(async (tx) => {
    const [subscription] = await tx
      .update(subscriptions)
      .set({ status: "canceled", canceledAt: sql`now()`, updatedAt: sql`now()` })
      .where(
        and(
          eq(subscriptions.id, subscriptionId),
          eq(subscriptions.merchantId, merchantId),
          inArray(subscriptions.status, ["active", "past_due"]),
        ),
      )
      .returning();
    if (subscription) {
      await recordEvent(tx, {
        merchantId,
        type: "subscription.canceled",
        subscription,
        actor,
        details: { message: "The subscription was canceled via the API." },
      });
    }
    return subscription ?? null;
  });
  if (canceled) return canceled;
  const current = await getSubscription(db, merchantId, subscriptionId);
  throw new AppError("subscription_unexpected_state", `This subscription is already ${current.status}.`, {
    extra: { status: current.status },
  });
}
