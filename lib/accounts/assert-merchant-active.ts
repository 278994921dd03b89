import { eq } from "drizzle-orm";
import { merchants } from "@/db/schema";
import type { Db } from "@/db/client";
import { AppError } from "@/lib/errors/app-error";

/** A suspended merchant takes no payments, even on checkout pages opened before the suspension. */
export async function assertMerchantActive(db: Db, merchantId: string): Promise<void> {
  const [merchant] = await db.select({ status: merchants.status }).from(merchants).where(eq(merchants.id, merchantId));
  if (merchant?.status !== "active") {
    throw new AppError("merchant_suspended", "This merchant cannot accept payments right now.");
  }
}
