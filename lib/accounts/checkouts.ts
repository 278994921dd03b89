import { and, asc, eq } from "drizzle-orm";
import { checkouts, type Checkout } from "@/db/schema";
import type { Db } from "@/db/client";
import { newId } from "@/lib/ids";
import { getOwned } from "@/db/get-owned";

export type CheckoutSettings = { name: string; displayName?: string | null; brandColor?: string | null; logoUrl?: string | null };

export async function createCheckout(db: Db, merchantId: string, settings: CheckoutSettings, isDefault = false): Promise<Checkout> {
  const [checkout] = await db
    .insert(checkouts)
    .values({ id: newId("chk"), merchantId, isDefault, ...settings })
    .returning();
  return checkout!;
}

export async function listCheckouts(db: Db, merchantId: string): Promise<Checkout[]> {
  await defaultCheckout(db, merchantId);
  return db.select().from(checkouts).where(eq(checkouts.merchantId, merchantId)).orderBy(asc(checkouts.createdAt));
}

/** One of this merchant's checkouts; another merchant's id is a 404. */
export async function getCheckoutConfig(db: Db, merchantId: string, checkoutId: string): Promise<Checkout> {
  return getOwned(db, checkouts, { merchantId, id: checkoutId }, "checkout", { param: "checkout_id" });
}

/**
 * The merchant's default checkout, created on first use; the partial unique index makes two racing
 * first uses agree on one.
 */
export async function defaultCheckout(db: Db, merchantId: string): Promise<Checkout> {
  const isDefault = and(eq(checkouts.merchantId, merchantId), eq(checkouts.isDefault, true));
  const [existing] = await db.select().from(checkouts).where(isDefault);
  if (existing) return existing;
  await db
    .insert(checkouts)
    .values({ id: newId("chk"), merchantId, name: "Default checkout", isDefault: true })
    .onConflictDoNothing();
  const [created] = await db.select().from(checkouts).where(isDefault);
  return created!;
}
