import { cvcLength, detectBrand, luhnValid, type CardBrand } from "@/lib/checkout/card";

/** Formatting and instant checks as the buyer types; the server checks everything again. */
export const BRAND_LABELS: Record<CardBrand, string> = {
  visa: "Visa",
  mastercard: "Mastercard",
  amex: "American Express",
  discover: "Discover",
  diners: "Diners Club",
  jcb: "JCB",
  unionpay: "UnionPay",
  unknown: "",
};

/** Groups as printed on the card: 4-6-5 for Amex, fours for everyone else. */
export function formatCardNumber(value: string): string {
  const digits = value.replace(/\D/g, "").slice(0, 19);
  if (detectBrand(digits) === "amex") {
    return [digits.slice(0, 4), digits.slice(4, 10), digits.slice(10, 15)].filter(Boolean).join(" ");
  }
  return digits.replace(/(\d{4})(?=\d)/g, "$1 ");
}

export function formatExpiry(value: string, previous: string): string {
  const digits = value.replace(/\D/g, "").slice(0, 4);
  // Deleting the separator deletes the digit before it, as people expect.
  if (value.length < previous.length && previous.endsWith(" / ")) return digits.slice(0, 1);
  if (digits.length === 1 && Number(digits) > 1) return `0${digits} / `;
  if (digits.length >= 2) return `${digits.slice(0, 2)} / ${digits.slice(2)}`;
  return digits;
}

export type FieldErrors = Partial<Record<"number" | "expiry" | "cvc", string>>;

export function checkFields(number: string, expiry: string, cvc: string, now = new Date()): FieldErrors {
  const errors: FieldErrors = {};
  const digits = number.replace(/\D/g, "");
  if (digits.length < 12) errors.number = "Your card number is incomplete.";
  else if (!luhnValid(digits)) errors.number = "Your card number is invalid.";
  const match = /^(\d{2}) \/ (\d{2})$/.exec(expiry.trim());
  if (!match) errors.expiry = "Enter the expiry date as MM / YY.";
  else {
    const month = Number(match[1]);
    const year = 2000 + Number(match[2]);
    if (month < 1 || month > 12) errors.expiry = "The expiry month must be 01 to 12.";
    else if (year * 12 + month - 1 < now.getFullYear() * 12 + now.getMonth()) errors.expiry = "Your card's expiry date is in the past.";
  }
  const length = cvcLength(detectBrand(digits));
  if (!new RegExp(`^\\d{${length}}$`).test(cvc)) errors.cvc = `Enter the ${length}-digit security code.`;
  return errors;
}
