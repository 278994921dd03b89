/**
 * Stripe's decline_code (or error code, where it gives no decline_code) as the ISO 8583 code or word
 * Kassa records on an attempt, so a live decline reads like a test one in every dialect.
 */
const ISO_CODES: Record<string, string> = {
  insufficient_funds: "51",
  expired_card: "54",
  incorrect_cvc: "N7",
  invalid_cvc: "N7",
  processing_error: "96",
  try_again_later: "96",
  authentication_required: "authentication_required",
  payment_intent_authentication_failure: "authentication_failed",
  lost_card: "41",
  stolen_card: "43",
  pickup_card: "04",
  fraudulent: "59",
  card_velocity_exceeded: "65",
  withdrawal_count_limit_exceeded: "65",
  incorrect_number: "14",
  invalid_number: "14",
  do_not_honor: "05",
  generic_decline: "05",
  card_declined: "05",
};

export function isoDeclineCode(stripeCode: string | null | undefined): string {
  return ISO_CODES[stripeCode ?? ""] ?? "05";
}
