import { and, asc, eq } from "drizzle-orm";
import { checkouts, type Checkout } from "@/db/schema";
import type { Db } from "@/db/client";
import { newId } from "@/lib/ids";
import { getOwned } from "@/db/get-owned";
import { merchantOf, type Owner } from "@/db/owner";

export type CheckoutSettings = { name: string; displayName?: string | null; brandColor?: string | null; logoUrl?: string | null };

export async function createCheckout(db: Db, owner: Owner, settings: CheckoutSettings, isDefault = false): Promise<Checkout> {
  const [checkout] = await db
    .insert(checkouts)
    .values({ id: newId("chk"), merchantId: merchantOf(owner), isDefault, ...settings })
    .returning();
  return checkout!;
}

export async function listCheckouts(db: Db, owner: Owner): Promise<Checkout[]> {
  await defaultCheckout(db, owner);
  return db.select().from(checkouts).where(eq(checkouts.merchantId, merchantOf(owner))).orderBy(asc(checkouts.createdAt));
}

/** One of this merchant's checkouts; another merchant's id is a 404. */
export async function getCheckoutConfig(db: Db, owner: Owner, checkoutId: string): Promise<Checkout> {
  return getOwned(db, checkouts, owner, checkoutId, "checkout", { param: "checkout_id" });
}

/**
 * The merchant's default checkout, created on first use; the partial unique index makes two racing
 * first uses agree on one.
 */
export async function defaultCheckout(db: Db, owner: Owner): Promise<Checkout> {
  const isDefault = and(eq(checkouts.merchantId, merchantOf(owner)), eq(checkouts.isDefault, true));
  const [existing] = await db.select().from(checkouts).where(isDefault);
  if (existing) return existing;
  await db
    .insert(checkouts)
    .values({ id: newId("chk"), merchantId: merchantOf(owner), name: "Default checkout", isDefault: true })
    .onConflictDoNothing();
  const [created] = await db.select().from(checkouts).where(isDefault);
  return created!;
}
