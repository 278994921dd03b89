import { and, desc, eq } from "drizzle-orm";
import { paymentIntents, subscriptions, type PaymentIntent, type Subscription } from "@/db/schema";
import type { Db } from "@/db/client";
import { getOwned } from "@/db/get-owned";
import { ownedBy, type Owner } from "@/db/owner";

export async function getSubscription(db: Db, owner: Owner, subscriptionId: string): Promise<Subscription> {
  return getOwned(db, subscriptions, owner, subscriptionId, "subscription");
}

/** The subscription a recurring intent started, if it has one yet. */
export async function subscriptionOfIntent(db: Db, intentId: string): Promise<Subscription | null> {
  const [subscription] = await db.select().from(subscriptions).where(eq(subscriptions.intentId, intentId));
  return subscription ?? null;
}

/** The renewal payments of a subscription, newest first. */
export async function listRenewals(db: Db, owner: Owner, subscriptionId: string): Promise<PaymentIntent[]> {
  return db
    .select()
    .from(paymentIntents)
    .where(and(ownedBy(paymentIntents, owner), eq(paymentIntents.subscriptionId, subscriptionId)))
    .orderBy(desc(paymentIntents.createdAt));
}
