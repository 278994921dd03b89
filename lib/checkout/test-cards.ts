/** The documented test cards (seed 002): any future expiry, any CVC, any name. */
export const TEST_CARDS = [
  { number: "4242424242424242", brand: "visa", outcome: "approved", label: "Approved (Visa)" },
  { number: "5555555555554444", brand: "mastercard", outcome: "approved", label: "Approved (Mastercard)" },
  { number: "4000000000000002", brand: "visa", outcome: "declined", declineCode: "05", label: "Declined 05: do not honour (generic)" },
  { number: "4000000000009995", brand: "visa", outcome: "declined", declineCode: "51", label: "Declined 51: insufficient funds" },
  { number: "4000000000000069", brand: "visa", outcome: "declined", declineCode: "54", label: "Declined 54: expired card" },
  { number: "4000000000000127", brand: "visa", outcome: "declined", declineCode: "N7", label: "Declined N7: CVC mismatch" },
  { number: "4000000000000341", brand: "visa", outcome: "approved", label: "Approved; its renewals are declined (51)" },
  { number: "4000002760003184", brand: "visa", outcome: "authentication", label: "Asks for 3-D Secure" },
  { number: "4000002500003155", brand: "visa", outcome: "authentication", label: "3-D Secure once; renewals go through without it" },
] as const;

/** ISO 8583 response codes the simulation can answer with, in words a buyer understands. */
export const DECLINE_MESSAGES: Record<string, string> = {
  "05": "Your card was declined.",
  "51": "Your card has insufficient funds.",
  "54": "Your card has expired.",
  N7: "Your card's security code (CVC) did not match.",
  "96": "The payment could not be processed. Please try again.",
  authentication_failed: "The card's bank could not authenticate this payment (3-D Secure failed).",
  authentication_required: "The card's bank requires the cardholder to authenticate this payment.",
};

export function declineMessage(code: string): string {
  return DECLINE_MESSAGES[code] ?? "Your card was declined.";
}

export function groupCardNumber(number: string): string {
  return number.replace(/(\d{4})(?=\d)/g, "$1 ");
}
