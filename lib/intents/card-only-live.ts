import type { Db } from "@/db/client";
import { findAcquirer } from "@/lib/accounts/get-acquirer";
import { AppError } from "@/lib/errors/app-error";
import type { NewIntent } from "./create-intent";

/** Why only a card can pay this intent, or null when the chain could pay it too. */
function cardOnlyBecause(input: Pick<NewIntent, "recurringIntervalDays" | "captureMethod">): string | null {
  if (input.recurringIntervalDays) return "A recurring payment is paid by card";
  if (input.captureMethod === "manual") return "A payment captured by hand (manual capture) is paid by card";
  return null;
}

/**
 * A live intent only a card can pay needs the merchant's acquirer. A merchant taking live money on
 * chain alone has none, and such an intent would leave its buyer a page where nothing can pay it:
 * refused when it is created instead, saying what would make it possible.
 */
export async function assertCardCanPay(db: Db, merchantId: string, input: Pick<NewIntent, "recurringIntervalDays" | "captureMethod">): Promise<void> {
  const because = cardOnlyBecause(input);
  if (!because || (await findAcquirer(db, merchantId))) return;
  throw new AppError(
    "live_mode_unavailable",
    `${because}, and this merchant has no acquirer for live card payments: set one with PUT /api/v1/merchants/{id}/acquirer, or create a one-time payment captured automatically, which can be paid in stablecoins.`,
  );
}
