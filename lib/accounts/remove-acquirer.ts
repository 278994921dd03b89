import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { merchantAcquirers, type MerchantAcquirer } from "@/db/schema";
import { getAcquirer } from "./get-acquirer";
import { forgetMerchantPrincipals } from "./principal-cache";

/**
 * Removes the acquirer: live keys are refused from now on, and live payments still open get a
 * retryable decline instead of reaching anyone. Nothing already paid changes.
 */
export async function removeAcquirer(db: Db, merchantId: string): Promise<MerchantAcquirer> {
  const [removed] = await db.delete(merchantAcquirers).where(eq(merchantAcquirers.merchantId, merchantId)).returning();
  forgetMerchantPrincipals(merchantId);
  return removed ?? getAcquirer(db, merchantId);
}
