/** What the buyer reads when the plain form post comes back with an error code. */
export const FORM_ERRORS: Record<string, string> = {
  invalid_number: "Your card number is invalid. Check it and try again.",
  invalid_expiry: "Your card's expiration date is invalid or in the past. Use MM / YY.",
  invalid_cvc: "Your card's security code is invalid.",
  payment_processing: "Your payment is still being processed. Please wait a moment.",
  payment_already_completed: "This payment has already been completed.",
  intent_unexpected_state: "This payment can no longer be completed.",
  idempotency_key_reused: "This form was already submitted with other details. Please try again.",
  idempotency_key_in_use: "Your payment is still being processed. Please wait a moment.",
};

export function formErrorMessage(code: string | undefined): string | null {
  if (!code) return null;
  return FORM_ERRORS[code] ?? "Something went wrong. Please check your details and try again.";
}
