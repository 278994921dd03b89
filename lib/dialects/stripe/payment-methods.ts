import type { CardInput } from "@/lib/checkout/card";
import { AppError } from "@/lib/errors/app-error";

/**
 * Stripe's test payment methods, each one of its test cards by name. In test mode they stand for
 * the card Stripe documents; the number goes to the simulation like any typed card and is kept
 * nowhere.
 */
const TEST_PAYMENT_METHODS = new Map<string, string>(Object.entries({
  pm_card_visa: "4242424242424242",
  pm_card_visa_debit: "4000056655665556",
  pm_card_mastercard: "5555555555554444",
  pm_card_amex: "378282246310005",
  pm_card_chargeDeclined: "4000000000000002",
  pm_card_chargeDeclinedInsufficientFunds: "4000000000009995",
  pm_card_chargeDeclinedExpiredCard: "4000000000000069",
  pm_card_chargeDeclinedIncorrectCvc: "4000000000000127",
  pm_card_authenticationRequired: "4000002760003184",
  pm_card_authenticationRequiredOnSetup: "4000002500003155",
}));

export const isTestPaymentMethod = (id: string) => TEST_PAYMENT_METHODS.has(id);

/** The card a payment method stands for, good for the next few years. */
export function testPaymentMethodCard(id: string): CardInput {
  const number = TEST_PAYMENT_METHODS.get(id);
  if (!number) {
    throw new AppError("not_found", `No such PaymentMethod: '${id}'. Kassa knows Stripe's test payment methods (${[...TEST_PAYMENT_METHODS.keys()].join(", ")}) and raw card details in payment_method_data[card].`, {
      param: "payment_method",
    });
  }
  return { number, expMonth: 12, expYear: new Date().getUTCFullYear() + 3, cvc: number.startsWith("3") ? "1234" : "123" };
}
