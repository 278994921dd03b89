import type { PaymentIntent } from "@/db/schema";
import { checkoutUrl } from "@/lib/checkout/checkout-url";

/** pending, completed, failed or refunded: the four words of seed 003. */
export function shopStatus(intent: PaymentIntent): string {
  switch (intent.status) {
    case "succeeded":
      return intent.amountRefunded > 0 && intent.amountRefunded >= intent.amountCaptured ? "refunded" : "completed";
    case "failed":
    case "canceled":
    case "expired":
    case "underpaid":
      return "failed";
    default:
      return "pending";
  }
}

/** Exactly the response fields of seed 003. */
export function renderPayment(intent: PaymentIntent) {
  return {
    id: intent.id,
    amount: intent.amount,
    currency: intent.currency.toLowerCase(),
    status: shopStatus(intent),
    checkout_url: checkoutUrl(intent),
    customer_email: intent.customerEmail,
    customer_name: intent.customerName,
    metadata: intent.metadata,
    created_at: intent.createdAt.toISOString(),
    // Beside the seed's fields only for a payment made on chain, so a card payment reads exactly as before.
    ...(intent.txHash ? { tx_hash: intent.txHash } : {}),
  };
}
