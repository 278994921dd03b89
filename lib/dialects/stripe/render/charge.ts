import type { AttemptWithCard, IntentDetails } from "@/lib/intents/intent-details";
import { stripeDecline } from "../decline-codes";
import { chargeIdOf, paymentMethodIdOf } from "../ids";
import { intentData, sessionOf } from "../session-data";
import { stringValues, unix } from "./common";

/** The attempt that took the money, if one did. */
export function paidAttemptOf(intent: IntentDetails): AttemptWithCard | null {
  return intent.attempts.find((attempt) => attempt.status === "succeeded" || attempt.status === "authorized") ?? null;
}

export const latestAttemptOf = (intent: IntentDetails): AttemptWithCard | null => intent.attempts.at(-1) ?? null;

export function renderCard(card: AttemptWithCard["card"]) {
  return {
    brand: card.brand,
    checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: "pass" },
    country: null,
    exp_month: card.expMonth,
    exp_year: card.expYear,
    fingerprint: card.fingerprint.slice(0, 16),
    funding: "credit",
    last4: card.last4,
    network: card.brand,
    three_d_secure: null,
  };
}

/** A Charge: one attempt to take the money, as Stripe shows it. */
export function renderCharge(intent: IntentDetails, attempt: AttemptWithCard) {
  const paid = attempt.status === "succeeded" || attempt.status === "authorized";
  const declined = attempt.status === "declined";
  const decline = declined ? stripeDecline(attempt.declineCode) : null;
  const captured = paid && intent.amountCaptured > 0;
  return {
    id: chargeIdOf(attempt.id),
    object: "charge",
    amount: attempt.amount,
    amount_captured: captured ? intent.amountCaptured : 0,
    amount_refunded: captured ? intent.amountRefunded : 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: null,
    billing_details: { address: null, email: intent.buyerEmail ?? intent.customerEmail, name: attempt.card.cardholderName, phone: null },
    calculated_statement_descriptor: null,
    captured,
    created: unix(attempt.createdAt),
    currency: attempt.currency.toLowerCase(),
    customer: intentData(intent).customer ?? sessionOf(intent)?.customer ?? null,
    description: intent.description,
    disputed: false,
    failure_code: decline?.code ?? null,
    failure_message: declined ? attempt.failureMessage : null,
    fraud_details: {},
    livemode: intent.mode === "live",
    metadata: stringValues(intent.metadata),
    outcome: {
      network_status: declined ? "declined_by_network" : "approved_by_network",
      reason: decline?.declineCode ?? null,
      risk_level: "normal",
      seller_message: declined ? "The bank did not return any further details with this decline." : "Payment complete.",
      type: declined ? "issuer_declined" : "authorized",
    },
    paid,
    payment_intent: intent.id,
    payment_method: paymentMethodIdOf(attempt.card.id),
    payment_method_details: { type: "card", card: renderCard(attempt.card) },
    receipt_email: intent.buyerEmail ?? intent.customerEmail,
    receipt_url: null,
    refunded: captured && intent.amountRefunded >= intent.amountCaptured,
    status: paid ? "succeeded" : declined ? "failed" : "pending",
  };
}

/** A payment made on chain as Stripe shows a stablecoin charge: its transaction in `payment_method_details.crypto`. */
export function cryptoChargeIdOf(intent: IntentDetails): string | null {
  return intent.txHash && intent.attempts.length === 0 ? chargeIdOf(intent.id) : null;
}

export function renderCryptoCharge(intent: IntentDetails) {
  const captured = intent.amountCaptured > 0;
  return {
    id: chargeIdOf(intent.id),
    object: "charge",
    amount: intent.amount,
    amount_captured: intent.amountCaptured,
    amount_refunded: intent.amountRefunded,
    captured,
    created: unix(intent.succeededAt ?? intent.updatedAt),
    currency: intent.currency.toLowerCase(),
    description: intent.description,
    livemode: intent.mode === "live",
    metadata: stringValues(intent.metadata),
    paid: captured,
    payment_intent: intent.id,
    payment_method_details: { type: "crypto", crypto: { transaction_hash: intent.txHash } },
    refunded: captured && intent.amountRefunded >= intent.amountCaptured,
    status: captured ? "succeeded" : "pending",
  };
}
