import { cvcLength, detectBrand, luhnValid } from "@/lib/checkout/card-brand";
import type { CheckoutText } from "../page-data";

/** Formatting and instant checks as the buyer types; the server checks everything again. */

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

export type CardField = "number" | "expiry" | "cvc" | "email";
export type FieldErrors = Partial<Record<CardField, string>>;

export function checkFields(text: CheckoutText["fields"], number: string, expiry: string, cvc: string, email = "", now = new Date()): FieldErrors {
  const errors: FieldErrors = {};
  const digits = number.replace(/\D/g, "");
  if (digits.length < 12) errors.number = text.numberIncomplete;
  else if (!luhnValid(digits)) errors.number = text.numberInvalid;
  const match = /^(\d{2}) ?\/ ?(\d{2})$/.exec(expiry.trim());
  if (!match) errors.expiry = text.expiryFormat;
  else {
    const month = Number(match[1]);
    const year = 2000 + Number(match[2]);
    if (month < 1 || month > 12) errors.expiry = text.expiryMonth;
    else if (year * 12 + month - 1 < now.getFullYear() * 12 + now.getMonth()) errors.expiry = text.expiryPast;
  }
  const length = cvcLength(detectBrand(digits));
  if (!new RegExp(`^\\d{${length}}$`).test(cvc)) errors.cvc = text.cvcLength.replace("{digits}", String(length));
  // Only the shape; the server checks it properly.
  if (email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) errors.email = text.emailInvalid;
  return errors;
}
