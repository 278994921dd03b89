/**
 * Stripe's documented test cards, as a Stripe-compatible server answers them: the decline_code a
 * charge gets, and which ones ask for 3-D Secure.
 */
const DECLINES: Record<string, string> = {
  "4000000000000002": "generic_decline",
  "4000000000009995": "insufficient_funds",
  "4000000000000069": "expired_card",
  "4000000000000127": "incorrect_cvc",
};

/** Asks for 3-D Secure on session; a saved card then charges off-session without it. */
const AUTHENTICATES_ONCE = "4000002500003155";
/** Asks for 3-D Secure every time; off-session it declines with authentication_required. */
const ALWAYS_AUTHENTICATES = "4000002760003184";
/** Saves fine, and every later off-session charge is declined. */
const DECLINES_WHEN_SAVED = "4000000000000341";

export type CardOutcome = { kind: "approve" } | { kind: "authenticate" } | { kind: "decline"; declineCode: string };

export function cardOutcome(number: string, offSession: boolean): CardOutcome {
  const declineCode = DECLINES[number];
  if (declineCode) return { kind: "decline", declineCode };
  if (offSession && number === ALWAYS_AUTHENTICATES) return { kind: "decline", declineCode: "authentication_required" };
  if (offSession && number === DECLINES_WHEN_SAVED) return { kind: "decline", declineCode: "generic_decline" };
  if (!offSession && (number === AUTHENTICATES_ONCE || number === ALWAYS_AUTHENTICATES)) return { kind: "authenticate" };
  return { kind: "approve" };
}

export function brandOf(number: string): string {
  if (number.startsWith("4")) return "visa";
  if (/^5[1-5]/.test(number)) return "mastercard";
  if (/^3[47]/.test(number)) return "amex";
  return "unknown";
}
