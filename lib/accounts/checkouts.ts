import { and, asc, eq } from "drizzle-orm";
import { checkouts, type Checkout } from "@/db/schema";
import type { Db } from "@/db/client";
import { notFound } from "@/lib/errors/app-error";
import { newId } from "@/lib/ids";

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
  const [checkout] = await db
    .select()
    .from(checkouts)
    .where(and(eq(checkouts.id, checkoutId), eq(checkouts.merchantId, merchantId)));
  if (!checkout) throw notFound("checkout", checkoutId, "checkout_id");
  return checkout;
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
