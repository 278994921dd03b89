import { eq, sql } from "drizzle-orm";
import { merchants, type Merchant } from "@/db/schema";
import type { Db } from "@/db/client";
import { forgetMerchantPrincipals } from "./principal-cache";

export type MerchantSettings = {
  name?: string;
  displayName?: string | null;
  brandColor?: string | null;
  logoUrl?: string | null;
  allowedOrigins?: string[];
  minimumAmounts?: Record<string, number>;
  receiptsEnabled?: boolean;
  status?: "active" | "suspended";
};

/** Applies only the settings given; the caller has already checked the user may. */
export async function updateMerchant(db: Db, merchantId: string, settings: MerchantSettings): Promise<Merchant> {
  const [merchant] = await db
    .update(merchants)
    .set({ ...settings, updatedAt: sql`now()` })
    .where(eq(merchants.id, merchantId))
    .returning();
  forgetMerchantPrincipals(merchantId);
  return merchant!;
}
