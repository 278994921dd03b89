import type { PublicPaymentLink } from "./find-link-by-slug";

/** What a buyer can pay through a link: an amount range for a buyer-priced link, a quantity range otherwise. */
export type PayableRange = { minAmount: number; maxAmount: number } | { unitAmount: number; minQuantity: number; maxQuantity: number };

/**
 * The link's own range, narrowed by the merchant's minimum for its currency (which may have risen
 * since the link was made). Null when nothing is left to pay: the minimum is above the link's
 * highest price.
 */
export function payableRange({ link, merchant }: PublicPaymentLink): PayableRange | null {
  const minimum = merchant.minimumAmounts?.[link.currency.toUpperCase()] ?? 0;
  if (link.amount === null) {
    const minAmount = Math.max(link.minAmount!, minimum);
    return minAmount <= link.maxAmount! ? { minAmount, maxAmount: link.maxAmount! } : null;
  }
  const minQuantity = Math.max(1, Math.ceil(minimum / link.amount));
  const maxQuantity = link.maxQuantity ?? 1;
  return minQuantity <= maxQuantity ? { unitAmount: link.amount, minQuantity, maxQuantity } : null;
}
