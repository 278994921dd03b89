import type { Db } from "@/db/client";
import { findAcquirer } from "@/lib/accounts/get-acquirer";
import { AppError } from "@/lib/errors/app-error";
import { chainsFor } from "@/lib/stablecoins/chains";
import { tokenRate } from "@/lib/stablecoins/token-amount";

/** What decides whether an intent can be paid on chain rather than by card. */
export type PaymentTerms = { recurringIntervalDays?: number | null; captureMethod?: "automatic" | "manual"; currency: string };

/** Why the chain could not pay an intent on these terms, so only a card could; null when it could. */
function cardOnlyBecause(terms: PaymentTerms): { reason: string; param?: string } | null {
  // Each dialect names recurring differently (recurring, intent_type, a price's interval): no param.
  if (terms.recurringIntervalDays) return { reason: "A recurring payment is paid by card" };
  if (terms.captureMethod === "manual") return { reason: "A payment captured by hand (manual capture) is paid by card", param: "capture_method" };
  const chain = chainsFor("live")[0]!;
  if (!tokenRate(terms.currency, chain.currency)) {
    return { reason: `A payment in ${terms.currency.toUpperCase()} cannot be quoted in ${chain.token_symbol} (the server has no exchange rate for it), so it is paid by card`, param: "currency" };
  }
  return null;
}

/**
 * A live intent must be payable. A merchant taking live money on chain alone has no acquirer, and
 * an intent the chain cannot pay (recurring, captured by hand, or in a currency with no rate to the
 * token) would leave its buyer a page where nothing can pay it: refused instead, when it is created
 * or changed to such terms, saying what would make it possible. With no live chain, live money goes
 * through the acquirer the live key already required.
 */
export async function assertLivePayable(db: Db, merchantId: string, terms: PaymentTerms): Promise<void> {
  if (chainsFor("live").length === 0) return;
  const cardOnly = cardOnlyBecause(terms);
  if (!cardOnly || (await findAcquirer(db, merchantId))) return;
  throw new AppError(
    "live_mode_unavailable",
    `${cardOnly.reason}, and this merchant has no acquirer for live card payments: set one with PUT /api/v1/merchants/{id}/acquirer, or make it a one-time payment captured automatically in a currency the token can be quoted in.`,
    cardOnly.param ? { param: cardOnly.param } : {},
  );
}
