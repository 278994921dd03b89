import { and, eq } from "drizzle-orm";
import { paymentIntents, type PaymentIntent } from "@/db/schema";
import type { Db } from "@/db/client";
import { ownedBy, type Owner } from "@/db/owner";

/**
 * One of this merchant's intents as stored, or null: no expiry on the way (see get-intent.ts for the
 * read that expires), so webhook renderers, which run inside the change they tell of, can use it.
 */
export async function findIntent(db: Db, owner: Owner, intentId: string): Promise<PaymentIntent | null> {
  const [intent] = await db
    .select()
    .from(paymentIntents)
    .where(and(eq(paymentIntents.id, intentId), ownedBy(paymentIntents, owner)));
  return intent ?? null;
}
