import { randomBase62 } from "@/lib/crypto/tokens";

/*
 * Stripe's objects are views of Kassa's: a Checkout Session and its PaymentIntent are one intent, a
 * Charge is a payment attempt, an Invoice is a subscription's intent for one period. Their ids are
 * Kassa's ids with Stripe's prefixes, so each one leads back to its row with no lookup table.
 */

const TOKEN = "[A-Za-z0-9]+";

/** The part of a Kassa id after its prefix. */
const tokenOf = (id: string) => id.slice(id.indexOf("_") + 1);

export const newPaymentIntentId = () => `pi_${randomBase62(24)}`;

export const sessionIdOf = (intentId: string) => `cs_test_${tokenOf(intentId)}`;

/** The intent behind a session id, or null when it cannot be one. */
export function intentIdOfSession(sessionId: string): string | null {
  const match = new RegExp(`^cs_(?:test|live)_(${TOKEN})$`).exec(sessionId);
  return match ? `pi_${match[1]}` : null;
}

export const chargeIdOf = (attemptId: string) => `ch_${tokenOf(attemptId)}`;

export function attemptIdOfCharge(chargeId: string): string | null {
  const match = new RegExp(`^ch_(${TOKEN})$`).exec(chargeId);
  return match ? `pa_${match[1]}` : null;
}

export const invoiceIdOf = (intentId: string) => `in_${tokenOf(intentId).replace(/-/g, "")}`;
export const paymentMethodIdOf = (cardTokenId: string) => `pm_${tokenOf(cardTokenId)}`;
export const subscriptionItemIdOf = (subscriptionId: string) => `si_${tokenOf(subscriptionId).replace(/-/g, "")}`;
export const lineItemIdOf = (intentId: string, index: number) => `li_${tokenOf(intentId)}${index}`;

export const newObjectId = (prefix: "prod" | "price" | "cus") => `${prefix}_${randomBase62(24)}`;
