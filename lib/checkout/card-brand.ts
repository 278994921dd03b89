/**
 * What the first digits of a card number say about it. Pure and dependency-free: the checkout's
 * browser script uses it too.
 */
export type CardBrand = "visa" | "mastercard" | "amex" | "discover" | "diners" | "jcb" | "unionpay" | "unknown";

/** Proper names, the same in every language. */
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

export const BRANDS: { brand: CardBrand; pattern: RegExp; lengths: number[]; cvc: number }[] = [
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

