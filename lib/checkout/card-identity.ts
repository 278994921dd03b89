import { cardFingerprint } from "./fingerprint";

/**
 * What identifies a card payment request for idempotency, without the card: the number becomes its
 * keyed fingerprint and the CVC is left out entirely, since it may never be stored in any form.
 */
export function cardIdentity(number: string, expMonth: unknown, expYear: unknown, name: unknown) {
  return { fingerprint: cardFingerprint(number.replace(/\D/g, "")), exp_month: expMonth, exp_year: expYear, name: name ?? null };
}
