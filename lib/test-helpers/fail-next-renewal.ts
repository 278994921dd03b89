import { and, eq, inArray } from "drizzle-orm";
import { subscriptions, type Subscription } from "@/db/schema";
import type { Db } from "@/db/client";
import { getOwned } from "@/db/get-owned";
import { modeOf, ownedBy, type Owner } from "@/db/owner";
import { AppError, testModeOnly } from "@/lib/errors/app-error";

/**
 * Makes a test-mode subscription's next renewal decline with `declineCode` (then retried on the
 * usual schedule), without a card that always declines: the way to see a retry that succeeds.
 */
export async function failNextRenewal(db: Db, owner: Owner, subscriptionId: string, declineCode = "51"): Promise<Subscription> {
  if (modeOf(owner) === "live") throw testModeOnly("Test helpers");
  const subscription = await getOwned(db, subscriptions, owner, subscriptionId, "subscription");
  const [marked] = await db
    .update(subscriptions)
    .set({ failNextRenewal: declineCode })
    .where(and(eq(subscriptions.id, subscription.id), ownedBy(subscriptions, owner), inArray(subscriptions.status, ["active", "past_due"])))
    .returning();
  if (!marked) throw new AppError("subscription_unexpected_state", `The subscription is ${subscription.status}; only an active or past-due one renews.`);
  return marked;
}
