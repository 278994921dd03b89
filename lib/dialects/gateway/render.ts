import type { CardToken, IntentStatus, PaymentIntent } from "@/db/schema";
import { checkoutUrl } from "@/lib/checkout/checkout-url";
import { nextAction } from "@/lib/checkout/next-action";

export const STATUS: Record<IntentStatus, string> = {
  requires_payment_method: "awaiting_payment_method",
  processing: "processing",
  requires_action: "requires_action",
  authorized: "authorized",
  succeeded: "captured",
  failed: "failed",
  canceled: "canceled",
  expired: "expired",
  // The service has no word for it: the payment can no longer complete.
  underpaid: "failed",
};

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** The intent as the merchant's server sees it, with its key. */
export function renderIntent(intent: PaymentIntent) {
  return {
    id: intent.id,
    client_secret: intent.clientSecret,
    status: STATUS[intent.status],
    amount: intent.amount,
    amount_captured: intent.amountCaptured,
    amount_refunded: intent.amountRefunded,
    currency: intent.currency,
    capture_method: intent.captureMethod,
    checkout_url: checkoutUrl(intent),
    success_url: intent.successUrl,
    cancel_url: intent.cancelUrl,
    order_id: intent.referenceId,
    description: intent.description,
    customer_email: intent.customerEmail ?? intent.buyerEmail,
    metadata: intent.metadata,
    ...(intent.txHash ? { tx_hash: intent.txHash } : {}),
    expires_at: iso(intent.expiresAt),
    created_at: iso(intent.createdAt),
  };
}

/** What anyone holding the id may read: enough for a checkout to draw itself and a shop to check the outcome. */
export function renderPublicIntent(intent: PaymentIntent) {
  return {
    id: intent.id,
    status: STATUS[intent.status],
    amount: intent.amount,
    currency: intent.currency,
    description: intent.description,
    success_url: intent.successUrl,
    cancel_url: intent.cancelUrl,
    ...(intent.txHash ? { tx_hash: intent.txHash } : {}),
    expires_at: iso(intent.expiresAt),
    created_at: iso(intent.createdAt),
  };
}

/** A paid confirm: `captured`, or `authorized` for manual capture, with the card's brand and last 4. */
export function renderConfirmed(intent: PaymentIntent, card: CardToken | null) {
  return {
    id: intent.id,
    status: STATUS[intent.status],
    amount: intent.amount,
    currency: intent.currency,
    card_brand: card?.brand ?? null,
    card_last4: card?.last4 ?? null,
    ...(intent.status === "requires_action" ? { next_action: nextAction(intent) } : {}),
  };
}
