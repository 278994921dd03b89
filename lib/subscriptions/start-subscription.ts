import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { subscriptions, type PaymentIntent, type Subscription } from "@/db/schema";
import type { Db } from "@/db/client";
import { recordEvent, type Actor } from "@/lib/events/record-event";

/**
 * Starts the subscription of a recurring intent whose first payment just succeeded, in the caller's
 * transaction: the saved card will be charged again at the end of each period.
 */
export async function startSubscription(db: Db, intent: PaymentIntent, actor: Actor): Promise<Subscription> {
  const intervalDays = intent.recurringIntervalDays!;
  const [subscription] = await db
    .insert(subscriptions)
    .values({
      id: `sub_${randomUUID()}`,
      merchantId: intent.merchantId,
      mode: intent.mode,
      intentId: intent.id,
      cardTokenId: intent.cardTokenId!,
      dialect: intent.dialect,
      amount: intent.amount,
      currency: intent.currency,
      intervalDays,
      metadata: intent.metadata,
      testClockId: intent.testClockId,
      createdAt: sql`kassa_now()`,
      updatedAt: sql`kassa_now()`,
      currentPeriodStart: sql`kassa_now()`,
      currentPeriodEnd: sql`kassa_now() + make_interval(days => ${intervalDays})`,
      nextChargeAt: sql`kassa_now() + make_interval(days => ${intervalDays})`,
    })
    .returning();
  await recordEvent(db, { merchantId: intent.merchantId, type: "subscription.created", subscription: subscription!, intent, actor });
  return subscription!;
}
