import { AppError } from "@/lib/errors/app-error";

export type CardBrand = "visa" | "mastercard" | "amex" | "discover" | "diners" | "jcb" | "unionpay" | "unknown";

/** What the buyer typed. It lives only in memory for the length of one request. */
export type CardInput = { number: string; expMonth: number; expYear: number; cvc: string; name?: string | null };

/** A card that passed every check the page can make before asking the processor. */
export type ValidCard = {
  pan: string;
  brand: CardBrand;
  last4: string;
  expMonth: number;
  expYear: number;
  cvc: string;
  name: string | null;
};

const BRANDS: { brand: CardBrand; pattern: RegExp; lengths: number[]; cvc: number }[] = [
  { brand: "amex", pattern: /^3[47]/, lengths: [15], cvc: 4 },
  { brand: "visa", pattern: /^4/, lengths: [13, 16, 19], cvc: 3 },
  { brand: "mastercard", pattern: /^(5[1-5]|222[1-9]|22[3-9]\d|2[3-6]\d\d|27[01]\d|2720)/, lengths: [16], cvc: 3 },
  { brand: "discover", pattern: /^(6011|65|64[4-9])/, lengths: [16, 19], cvc: 3 },
  { brand: "diners", pattern: /^(36|38|30[0-5])/, lengths: [14, 16], cvc: 3 },
  { brand: "jcb", pattern: /^35(2[89]|[3-8]\d)/, lengths: [16, 19], cvc: 3 },
  { brand: "unionpay", pattern: /^62/, lengths: [16, 17, 18, 19], cvc: 3 },
];

export function detectBrand(digits: string): CardBrand {
  return BRANDS.find((entry) => entry.pattern.test(digits))?.brand ?? "unknown";
}

export function cvcLength(brand: CardBrand): number {
  return BRANDS.find((entry) => entry.brand === brand)?.cvc ?? 3;
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** Two-digit years are this century's, as printed on cards. */
export function normalizeExpYear(year: number): number {
  return year < 100 ? 2000 + year : year;
}

/** Checks number, expiry and CVC the way the page does; the same rules guard the API. */
export function validateCard(input: CardInput, now = new Date()): ValidCard {
  const pan = input.number.replace(/[\s-]/g, "");
  if (!/^\d{12,19}$/.test(pan) || !luhnValid(pan)) {
    throw new AppError("invalid_number", "Your card number is invalid.", { param: "card[number]" });
  }
  const brand = detectBrand(pan);
  const lengths = BRANDS.find((entry) => entry.brand === brand)?.lengths;
  if (lengths && !lengths.includes(pan.length)) {
    throw new AppError("invalid_number", "Your card number is incomplete.", { param: "card[number]" });
  }
  const expYear = normalizeExpYear(input.expYear);
  const expMonth = input.expMonth;
  if (!Number.isInteger(expMonth) || expMonth < 1 || expMonth > 12) {
    throw new AppError("invalid_expiry", "Your card's expiration month is invalid.", { param: "card[exp_month]" });
  }
  const currentMonth = now.getUTCFullYear() * 12 + now.getUTCMonth();
  const expiryMonth = expYear * 12 + (expMonth - 1);
  if (expiryMonth < currentMonth) {
    throw new AppError("invalid_expiry", "Your card's expiration date is in the past.", { param: "card[exp_year]" });
  }
  if (expiryMonth > currentMonth + 50 * 12) {
    throw new AppError("invalid_expiry", "Your card's expiration year is invalid.", { param: "card[exp_year]" });
  }
  const expected = cvcLength(brand);
  if (!new RegExp(`^\\d{${expected}}$`).test(input.cvc)) {
    throw new AppError("invalid_cvc", `Your card's security code must be ${expected} digits.`, { param: "card[cvc]" });
  }
  const name = input.name?.trim() || null;
  if (name && name.length > 200) {
    throw new AppError("parameter_invalid", "The name on the card must be at most 200 characters.", { param: "card[name]" });
  }
  return { pan, brand, last4: pan.slice(-4), expMonth, expYear, cvc: input.cvc, name };
}
