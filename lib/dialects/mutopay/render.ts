import type { IntentStatus, Merchant, Mode, PaymentIntent } from "@/db/schema";
import { checkoutPagePath, checkoutUrl } from "@/lib/checkout/checkout-url";
import { minorToNumber } from "@/lib/money/decimal";
import { stablecoinsAvailable } from "@/lib/stablecoins/availability";

const STATUS: Record<IntentStatus, string> = {
  requires_payment_method: "pending",
  processing: "processing",
  requires_action: "processing",
  authorized: "processing",
  succeeded: "paid",
  failed: "failed",
  canceled: "canceled",
  expired: "expired",
  underpaid: "underpaid",
};

/** Seed 004's payment: amount_usd as a number, the FX details when priced in another currency. */
export function renderPayment(intent: PaymentIntent) {
  const data = intent.dialectData as { external_id?: string | null; amount_original?: string; original_currency?: string; fx_rate?: string };
  return {
    id: intent.id,
    status: STATUS[intent.status],
    url: checkoutUrl(intent),
    // The WooCommerce plugin puts its base URL in front of this, so it is a path on this server.
    payment_url: checkoutPagePath(intent.id, intent.clientSecret),
    amount_usd: minorToNumber(intent.amount, "USD"),
    currency: data.original_currency ?? intent.currency,
    ...(data.amount_original ? { amount_original: Number(data.amount_original), fx_rate: Number(data.fx_rate) } : {}),
    description: intent.description,
    external_id: data.external_id ?? intent.referenceId,
    callback_url: intent.successUrl,
    customer_email: intent.customerEmail,
    metadata: intent.metadata,
    // The transaction that paid it on chain, from the moment it is seen; null for a card payment.
    tx_hash: intent.txHash,
    expires_at: intent.expiresAt.toISOString().replace(/\.\d{3}Z$/, "Z"),
    created_at: intent.createdAt.toISOString().replace(/\.\d{3}Z$/, "Z"),
  };
}

/**
 * The WooCommerce plugin's four statuses. It knows no cancel: a canceled payment closes the order
 * the way an expired one does, which is what the shop needs.
 */
export const PLUGIN_STATUS: Record<IntentStatus, "pending" | "completed" | "failed" | "expired" | "underpaid"> = {
  requires_payment_method: "pending",
  processing: "pending",
  requires_action: "pending",
  authorized: "pending",
  succeeded: "completed",
  failed: "failed",
  canceled: "expired",
  expired: "expired",
  // The plugin keeps such an order on hold for the shop owner to settle with the buyer.
  underpaid: "underpaid",
};

/**
 * The plugin writes "…: {failure_reason}." in the order's note: a reason that ended with its own
 * full stop would read "insufficient funds..".
 */
export function pluginFailureReason(message: string): string {
  return message.trim().replace(/[.\s]+$/, "");
}

/** What the plugin polls: its status, the transaction reference once paid, and why it failed. */
export function renderPaymentStatus(intent: PaymentIntent, txHash: string | null) {
  const status = PLUGIN_STATUS[intent.status];
  return {
    id: intent.id,
    status,
    tx_hash: status === "completed" ? txHash : null,
    failure_reason: status === "failed" ? pluginFailureReason(intent.lastError?.message ?? "The payment failed") : null,
  };
}

/**
 * The plugin switches its gateway off unless `wallet_address_set` is true: exactly when the merchant
 * has saved the wallet its stablecoin payments are paid into (MutoPay's own setup step).
 */
export function renderSetupStatus(merchant: Merchant, key: { mode: Mode; acquirerType: string | null }) {
  const active = merchant.status === "active";
  const wallet = stablecoinsAvailable(merchant, key.mode);
  // Test money is the simulation's; live money needs an acquirer for cards or a wallet on a live chain.
  const canPay = active && (key.mode === "test" || key.acquirerType !== null || wallet);
  return {
    wallet_address_set: merchant.stablecoinXpub !== null,
    can_accept_payments: canPay,
    stablecoin_payments: active && wallet,
    mode: key.mode,
    acquirer_set: key.acquirerType !== null,
    ...(key.mode === "live" && active && !canPay
      ? { setup_needed: "This live key's merchant has nowhere for live payments to go: set an acquirer (dashboard → Settings → Live payments), or a stablecoin wallet where this server watches a live chain." }
      : merchant.stablecoinXpub === null
        ? { setup_needed: "Save the extended public key (xpub) of the wallet your stablecoin payments go to: dashboard → Settings → Stablecoin wallet." }
        : {}),
    merchant_id: merchant.id,
    merchant_name: merchant.displayName ?? merchant.name,
  };
}
