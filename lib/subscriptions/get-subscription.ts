import { and, desc, eq } from "drizzle-orm";
import { paymentIntents, subscriptions, type PaymentIntent, type Subscription } from "@/db/schema";
import type { Db } from "@/db/client";
import { getOwned } from "@/db/get-owned";

export async function getSubscription(db: Db, merchantId: string, subscriptionId: string): Promise<Subscription> {
  return getOwned(db, subscriptions, { merchantId, id: subscriptionId }, "subscription");
}

/** The subscription a recurring intent started, if it has one yet. */
export async function subscriptionOfIntent(db: Db, intentId: string): Promise<Subscription | null> {
  const [subscription] = await db.select().from(subscriptions).where(eq(subscriptions.intentId, intentId));
  return subscription ?? null;
}

/** The renewal payments of a subscription, newest first. */
export async function listRenewals(db: Db, merchantId: string, subscriptionId: string): Promise<PaymentIntent[]> {
  return db
    .select()
    .from(paymentIntents)
    .where(and(eq(paymentIntents.merchantId, merchantId), eq(paymentIntents.subscriptionId, subscriptionId)))
    .orderBy(desc(paymentIntents.createdAt));
}
