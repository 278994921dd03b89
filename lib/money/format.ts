import { currencyExponent } from "./currencies";
import { minorToDecimal } from "./decimal";

/** "$1,234.50", "¥500", "KWD 1.250": for people, never for machines. */
export function formatMoney(minor: number, currency: string, locale = "en-US"): string {
  const exponent = currencyExponent(currency);
  const format = new Intl.NumberFormat(locale, {
    style: "currency",
    currency: currency.toUpperCase(),
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  });
  // A decimal string keeps Intl from ever seeing a binary float.
  return format.format(minorToDecimal(minor, currency) as unknown as number);
}
