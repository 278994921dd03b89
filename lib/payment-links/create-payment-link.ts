import { paymentLinks, type LineItem, type PaymentLink } from "@/db/schema";
import type { Db } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { randomBase62 } from "@/lib/crypto/tokens";
import { newId } from "@/lib/ids";
import { assertLivePayable } from "@/lib/intents/live-payable";
import { assertAboveMinimum } from "@/lib/intents/minimum-amount";
import { merchantOf, modeOf, type Owner } from "@/db/owner";

/** A link as a dialect's schema has checked it: a fixed price, or a range the buyer picks from. */
export type NewPaymentLink = {
  name: string;
  currency: string;
  price: { amount: number; maxQuantity: number | null } | { minAmount: number; maxAmount: number };
  lineItems: LineItem[];
  successUrl: string | null;
};

/** Eight base62 characters: 2^47 names, so a guessed /l/ address finds nothing. */
const SLUG_LENGTH = 8;

/**
 * Creates a merchant's payment link under a fresh random slug. The lowest price it can ask for is
 * held to the merchant's minimum now, so a link never sends buyers to a checkout that refuses them.
 */
export async function createPaymentLink(db: Db, owner: Owner, input: NewPaymentLink): Promise<PaymentLink> {
  const merchantId = merchantOf(owner);
  const lowest = "amount" in input.price ? input.price.amount : input.price.minAmount;
  await assertAboveMinimum(db, { id: merchantId }, lowest, input.currency);
  // Nor to one that nothing can pay: a live link's buyers pay by the acquirer or on chain.
  if (modeOf(owner) === "live") await assertLivePayable(db, merchantId, { currency: input.currency });
  const fixed = "amount" in input.price ? input.price : null;
  const range = "minAmount" in input.price ? input.price : null;
  for (;;) {
    try {
      const [link] = await db
        .insert(paymentLinks)
        .values({
          id: newId("plink"),
          merchantId,
          mode: modeOf(owner) ?? "test",
          slug: randomBase62(SLUG_LENGTH),
          name: input.name,
          currency: input.currency.toUpperCase(),
          amount: fixed?.amount ?? null,
          maxQuantity: fixed?.maxQuantity ?? null,
          minAmount: range?.minAmount ?? null,
          maxAmount: range?.maxAmount ?? null,
          lineItems: input.lineItems,
          successUrl: input.successUrl,
        })
        .returning();
      return link!;
    } catch (error) {
      // Two links drew the same slug: draw again.
      if (!isUniqueViolation(error, "payment_links_slug_unique")) throw error;
    }
  }
}
