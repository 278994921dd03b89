import { eq } from "drizzle-orm";
import { merchants } from "@/db/schema";
import type { Db } from "@/db/client";
import { AppError } from "@/lib/errors/app-error";
import { minorToDecimal } from "@/lib/money/decimal";
import { formatMoney } from "@/lib/money/format";

/**
 * Refuses an amount below the merchant's own minimum for its currency, saying what the minimum is.
 * Reads the minimums only when the caller does not already hold them.
 */
export async function assertAboveMinimum(
  db: Db,
  merchant: { id: string; minimumAmounts?: Record<string, number> },
  amount: number,
  currency: string,
): Promise<void> {
  const minimums = merchant.minimumAmounts ?? (await readMinimums(db, merchant.id));
  const minimum = minimums[currency.toUpperCase()];
  if (minimum === undefined || amount >= minimum) return;
  throw new AppError("amount_too_small", `Amount must be at least ${formatMoney(minimum, currency)} for this merchant.`, {
    param: "amount",
    extra: { minimum_amount: minimum, minimum_decimal: minorToDecimal(minimum, currency), currency: currency.toUpperCase() },
  });
}

async function readMinimums(db: Db, merchantId: string): Promise<Record<string, number>> {
  const [row] = await db.select({ minimums: merchants.minimumAmounts }).from(merchants).where(eq(merchants.id, merchantId));
  return row?.minimums ?? {};
}
