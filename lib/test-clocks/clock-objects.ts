import { and, desc, eq } from "drizzle-orm";
import { paymentIntents, subscriptions, type PaymentIntent, type Subscription } from "@/db/schema";
import type { Db } from "@/db/client";
import type { Owner } from "@/db/owner";
import { clockMerchant } from "./test-clock-owner";

/** What lives on a clock, newest first: for its dashboard page. */
export async function clockObjects(db: Db, owner: Owner, clockId: string, limit = 100): Promise<{ intents: PaymentIntent[]; subscriptions: Subscription[] }> {
  const merchantId = clockMerchant(owner);
  const [intents, subs] = await Promise.all([
    db.select().from(paymentIntents).where(and(eq(paymentIntents.merchantId, merchantId), eq(paymentIntents.testClockId, clockId))).orderBy(desc(paymentIntents.createdAt)).limit(limit),
    db.select().from(subscriptions).where(and(eq(subscriptions.merchantId, merchantId), eq(subscriptions.testClockId, clockId))).orderBy(desc(subscriptions.createdAt)).limit(limit),
  ]);
  return { intents, subscriptions: subs };
}
