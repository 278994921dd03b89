import { AppError } from "@/lib/errors/app-error";
import { BRANDS, cvcLength, detectBrand, luhnValid, type CardBrand } from "./card-brand";

export { cvcLength, detectBrand, luhnValid, type CardBrand } from "./card-brand";

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
