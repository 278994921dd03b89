import { eq } from "drizzle-orm";
import { merchants } from "@/db/schema";
import type { Db } from "@/db/client";
import { AppError } from "@/lib/errors/app-error";
import { minorToDecimal } from "@/lib/money/decimal";
import { formatMoney } from "@/lib/money/format";

/** Refuses an amount below the merchant's own minimum for its currency, saying what the minimum is. */
export async function assertAboveMinimum(db: Db, merchantId: string, amount: number, currency: string): Promise<void> {
  const [merchant] = await db
    .select({ minimums: merchants.minimumAmounts })
    .from(merchants)
    .where(eq(merchants.id, merchantId));
  const minimum = merchant?.minimums[currency.toUpperCase()];
  if (minimum === undefined || amount >= minimum) return;
  throw new AppError("amount_too_small", `Amount must be at least ${formatMoney(minimum, currency)} for this merchant.`, {
    param: "amount",
    extra: { minimum_amount: minimum, minimum_decimal: minorToDecimal(minimum, currency), currency: currency.toUpperCase() },
  });
}
