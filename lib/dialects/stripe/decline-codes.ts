/**
 * Stripe's decline_code for each of the acquirer's answers Kassa knows (ISO 8583 codes and its own
 * words), and the `code` Stripe puts beside it: most are card_declined, a few have codes of their own.
 */
const DECLINES: Record<string, { declineCode: string; code: string }> = {
  "05": { declineCode: "generic_decline", code: "card_declined" },
  "51": { declineCode: "insufficient_funds", code: "card_declined" },
  "54": { declineCode: "expired_card", code: "expired_card" },
  N7: { declineCode: "incorrect_cvc", code: "incorrect_cvc" },
  "96": { declineCode: "processing_error", code: "processing_error" },
  authentication_required: { declineCode: "authentication_required", code: "authentication_required" },
  authentication_failed: { declineCode: "authentication_required", code: "payment_intent_authentication_failure" },
  authentication_abandoned: { declineCode: "authentication_required", code: "payment_intent_authentication_failure" },
};

export function stripeDecline(kassaCode: string | null | undefined): { declineCode: string; code: string } {
  return DECLINES[kassaCode ?? ""] ?? { declineCode: "generic_decline", code: "card_declined" };
}
