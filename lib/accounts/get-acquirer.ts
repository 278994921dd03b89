import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { merchantAcquirers, type MerchantAcquirer } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";

/** The merchant's acquirer for live payments, or null when it has none. */
export async function findAcquirer(db: Db, merchantId: string): Promise<MerchantAcquirer | null> {
  const [row] = await db.select().from(merchantAcquirers).where(eq(merchantAcquirers.merchantId, merchantId));
  return row ?? null;
}

export async function getAcquirer(db: Db, merchantId: string): Promise<MerchantAcquirer> {
  const row = await findAcquirer(db, merchantId);
  if (!row) throw new AppError("not_found", "This merchant has no acquirer for live payments. Set one with PUT /api/v1/merchants/{id}/acquirer.");
  return row;
}
