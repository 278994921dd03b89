import { currencyExponent } from "./currencies";

/** Largest amount Kassa accepts, in minor units; far below 2^53 so arithmetic stays exact. */
export const MAX_MINOR_AMOUNT = 99_999_999_999;

const PLAIN_DECIMAL = /^(\d+)(?:\.(\d+))?$/;

export type DecimalParse = { ok: true; minor: number } | { ok: false; reason: string };

/**
 * Parses a decimal amount in standard units ("19.99", 19.99, 80) into exact minor units, without
 * ever doing arithmetic on a binary float. A JS number is read through its shortest round-trip
 * decimal representation, which is exactly the digits the client wrote in its JSON.
 */
export function decimalToMinor(value: number | string, currency: string): DecimalParse {
  const exponent = currencyExponent(currency);
  const text = typeof value === "number" ? numberText(value) : value.trim();
  if (text === null) return { ok: false, reason: "must be a finite decimal number" };
  const match = PLAIN_DECIMAL.exec(text);
  if (!match) return { ok: false, reason: "must be a positive decimal number such as 19.99" };
  const whole = match[1] ?? "0";
  const fraction = (match[2] ?? "").replace(/0+$/, "");
  if (fraction.length > exponent) {
    return {
      ok: false,
      reason:
        exponent === 0
          ? `cannot have decimals: ${currency.toUpperCase()} has no minor unit`
          : `has more than ${exponent} decimal places, the most ${currency.toUpperCase()} allows`,
    };
  }
  const digits = (whole + fraction.padEnd(exponent, "0")).replace(/^0+(?=\d)/, "");
  if (digits.length > String(MAX_MINOR_AMOUNT).length || Number(digits) > MAX_MINOR_AMOUNT) {
    return { ok: false, reason: "is too large" };
  }
  return { ok: true, minor: Number(digits) };
}

function numberText(value: number): string | null {
  if (!Number.isFinite(value)) return null;
  const text = String(value);
  // Exponent notation only appears for values far outside any real amount (1e-7, 1e21).
  return /e/i.test(text) ? "invalid" : text;
}

/** Minor units as a fixed-point decimal string in standard units: 8000 USD → "80.00", 500 JPY → "500". */
export function minorToDecimal(minor: number, currency: string): string {
  const exponent = currencyExponent(currency);
  const sign = minor < 0 ? "-" : "";
  const digits = String(Math.abs(minor)).padStart(exponent + 1, "0");
  if (exponent === 0) return sign + digits;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

/** Minor units as a JSON number in standard units, for dialects that send numbers (2500 → 25). */
export function minorToNumber(minor: number, currency: string): number {
  return Number(minorToDecimal(minor, currency));
}
