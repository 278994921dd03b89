import { challengePagePath } from "@/lib/checkout/checkout-url";
import { publicUrl } from "@/lib/config/env";
import type { IntentDetails } from "@/lib/intents/intent-details";
import { stripeDecline } from "../decline-codes";
import { chargeIdOf, paymentMethodIdOf } from "../ids";
import { intentData, sessionOf } from "../session-data";
import { cryptoChargeIdOf, latestAttemptOf, renderCharge, renderCryptoCharge } from "./charge";
import { stringValues, unix } from "./common";

/** Stripe's seven words for where a payment stands. Kassa's failed and expired ones are canceled there. */
export function paymentIntentStatus(intent: IntentDetails): string {
  switch (intent.status) {
    case "requires_payment_method":
      return intentData(intent).payment_method && !intent.lastError ? "requires_confirmation" : "requires_payment_method";
    case "authorized":
      return "requires_capture";
    case "failed":
    case "expired":
    case "underpaid":
      return "canceled";
    default:
      return intent.status;
  }
}

function cancellationReason(intent: IntentDetails): string | null {
  if (intent.status === "expired") return "expired";
  if (intent.status === "failed" || intent.status === "underpaid") return "automatic";
  if (intent.status !== "canceled") return null;
  return intent.cancellationReason === "void" ? "requested_by_customer" : (intent.cancellationReason ?? null);
}

function lastPaymentError(intent: IntentDetails) {
  if (!intent.lastError || ["succeeded", "authorized", "processing"].includes(intent.status)) return null;
  const { code, declineCode } = stripeDecline(intent.lastError.declineCode);
  const attempt = latestAttemptOf(intent);
  return {
    type: "card_error",
    code,
    decline_code: declineCode,
    message: intent.lastError.message,
    charge: attempt ? chargeIdOf(attempt.id) : null,
    payment_method: attempt ? { id: paymentMethodIdOf(attempt.card.id), object: "payment_method", type: "card" } : null,
  };
}

function nextAction(intent: IntentDetails) {
  if (intent.status !== "requires_action") return null;
  // Kassa has no Stripe.js to run use_stripe_sdk: the buyer is always sent to the bank's page.
  const url = publicUrl() + challengePagePath(intent.id, intent.clientSecret);
  return { type: "redirect_to_url", redirect_to_url: { url, return_url: intentData(intent).return_url ?? intent.successUrl ?? null } };
}

export type PaymentIntentExpansions = { latestCharge?: boolean };

/** A PaymentIntent: the intent itself, in Stripe's words. */
export function renderPaymentIntent(intent: IntentDetails, expand: PaymentIntentExpansions = {}) {
  const latest = latestAttemptOf(intent);
  const card = intent.card ?? latest?.card ?? null;
  return {
    id: intent.id,
    object: "payment_intent",
    amount: intent.amount,
    amount_capturable: intent.status === "authorized" ? intent.amount : 0,
    amount_received: intent.amountCaptured,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: null,
    canceled_at: ["canceled", "expired", "failed", "underpaid"].includes(intent.status) ? unix(intent.canceledAt ?? intent.updatedAt) : null,
    cancellation_reason: cancellationReason(intent),
    capture_method: intent.captureMethod,
    client_secret: intent.clientSecret,
    confirmation_method: "automatic",
    created: unix(intent.createdAt),
    currency: intent.currency.toLowerCase(),
    customer: intentData(intent).customer ?? sessionOf(intent)?.customer ?? null,
    description: intent.description,
    last_payment_error: lastPaymentError(intent),
    latest_charge: latest ? (expand.latestCharge ? renderCharge(intent, latest) : chargeIdOf(latest.id)) : cryptoChargeIdOf(intent) && (expand.latestCharge ? renderCryptoCharge(intent) : cryptoChargeIdOf(intent)),
    livemode: intent.mode === "live",
    metadata: stringValues(intent.metadata),
    next_action: nextAction(intent),
    on_behalf_of: null,
    payment_method: card ? paymentMethodIdOf(card.id) : (intentData(intent).payment_method ?? null),
    payment_method_options: { card: { request_three_d_secure: "automatic" } },
    // Stripe's word for a stablecoin payment; its transaction is the charge's (render/charge.ts).
    payment_method_types: intent.txHash ? ["crypto"] : ["card"],
    processing: null,
    receipt_email: intent.customerEmail ?? intent.buyerEmail,
    review: null,
    setup_future_usage: null,
    shipping: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: paymentIntentStatus(intent),
    transfer_data: null,
    transfer_group: null,
  };
}
