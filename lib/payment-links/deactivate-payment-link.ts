import { and, eq, sql } from "drizzle-orm";
import { paymentLinks, type PaymentLink } from "@/db/schema";
import type { Db } from "@/db/client";
import { getPaymentLink } from "./get-payment-link";
import { ownedBy, type Owner } from "@/db/owner";

/**
 * Turns a link off: its page says so and makes no more intents. Payments already started through it
 * go on. Deactivating twice changes nothing.
 */
export async function deactivatePaymentLink(db: Db, owner: Owner, id: string): Promise<PaymentLink> {
  const [link] = await db
    .update(paymentLinks)
    .set({ active: false, deactivatedAt: sql`coalesce(${paymentLinks.deactivatedAt}, now())`, updatedAt: sql`now()` })
    .where(and(ownedBy(paymentLinks, owner), eq(paymentLinks.id, id)))
    .returning();
  return link ?? getPaymentLink(db, owner, id);
}
