import type { LineItem, PaymentIntent, PaymentLink } from "@/db/schema";
import type { Db } from "@/db/client";
import { AppError, cannotAcceptPayments } from "@/lib/errors/app-error";
import { createIntent } from "@/lib/intents/create-intent";
import type { PublicPaymentLink } from "./find-link-by-slug";
import { payableRange, type PayableRange } from "./payable-range";
import { defaultDialect } from "@/lib/dialects/registry";

/** What the buyer chose on the link's page: a quantity, or an amount in minor units. */
export type LinkChoice = { quantity?: number; amount?: number };

/** Whether the link's page must ask the buyer something before the checkout. */
export function linkAsksBuyer(link: PaymentLink): boolean {
  return link.amount === null || (link.maxQuantity ?? 1) > 1;
}

/**
 * A fresh payment intent for one buyer of the link, priced by the link and the buyer's choice.
 * A choice outside what the link allows is refused with the field at fault.
 */
export async function openPaymentLink(db: Db, found: PublicPaymentLink, choice: LinkChoice): Promise<PaymentIntent> {
  const { link, merchant } = found;
  if (!link.active) throw new AppError("intent_unexpected_state", "This payment link has been deactivated.");
  if (merchant.status !== "active") throw cannotAcceptPayments();
  const range = payableRange(found);
  if (!range) throw new AppError("intent_unexpected_state", "Nothing can be paid through this link: the merchant's minimum is above its price.");
  const { amount, lineItems } = price(link, range, choice);
  return createIntent(
    db,
    // The link's mode is its buyers' payments' mode: a live link takes real money.
    { ...merchant, mode: link.mode },
    {
      dialect: defaultDialect().name,
      amount,
      currency: link.currency,
      description: link.name,
      lineItems,
      successUrl: link.successUrl,
      cancelUrl: null,
      paymentLinkId: link.id,
      metadata: { payment_link: link.id },
    },
    { type: "buyer" },
  );
}

function price(link: PaymentLink, range: PayableRange, choice: LinkChoice): { amount: number; lineItems: LineItem[] } {
  if ("minAmount" in range) {
    const amount = choice.amount;
    if (amount === undefined || !Number.isSafeInteger(amount) || amount < range.minAmount || amount > range.maxAmount) {
      throw new AppError("amount_invalid", "Choose an amount within the range this link allows.", { param: "amount" });
    }
    return { amount, lineItems: link.lineItems };
  }
  const quantity = choice.quantity ?? range.minQuantity;
  if (!Number.isSafeInteger(quantity) || quantity < range.minQuantity || quantity > range.maxQuantity) {
    throw new AppError("parameter_invalid", `Choose a quantity from ${range.minQuantity} to ${range.maxQuantity}.`, { param: "quantity" });
  }
  const lineItems =
    link.lineItems.length > 0
      ? link.lineItems.map((item) => ({ ...item, quantity: item.quantity * quantity }))
      : [{ name: link.name, quantity, unitAmount: range.unitAmount }];
  return { amount: range.unitAmount * quantity, lineItems };
}
