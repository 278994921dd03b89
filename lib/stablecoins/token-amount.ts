import { currencyExponent } from "@/lib/money/currencies";
import { fxRates } from "@/lib/money/fx";

/** A decimal string as an integer and its number of decimals: "1.0850" → 10850n, 4. */
function scaled(decimal: string): { digits: bigint; places: number } {
  const [whole, fraction = ""] = decimal.split(".");
  return { digits: BigInt(whole! + fraction), places: fraction.length };
}

const RATE_PLACES = 12;

/**
 * Token units per unit of `currency`, as a decimal string, from the exchange-rate table (US dollars
 * per unit of each): exactly the table's rate when the token is dollar-pegged, else the cross rate
 * to 12 places. Null when either currency has no rate.
 */
export function tokenRate(currency: string, tokenCurrency: string): string | null {
  if (currency.toUpperCase() === tokenCurrency.toUpperCase()) return "1";
  const rates = fxRates();
  const from = rates[currency.toUpperCase()];
  const to = rates[tokenCurrency.toUpperCase()];
  if (!from || !to) return null;
  if (tokenCurrency.toUpperCase() === "USD") return from;
  const a = scaled(from);
  const b = scaled(to);
  // from / to, to RATE_PLACES decimals, rounded half up.
  const numerator = a.digits * 10n ** BigInt(b.places + RATE_PLACES) * 2n;
  const denominator = b.digits * 10n ** BigInt(a.places) * 2n;
  const quotient = (numerator + denominator / 2n) / denominator;
  return formatUnits(quotient, RATE_PLACES);
}

/**
 * What the buyer must send, in the token's base units: the intent's amount at the rate, rounded up
 * to the token's decimals, so paying the quoted amount is never a fraction short.
 */
export function amountDue(amountMinor: number, currency: string, rate: string, decimals: number): bigint {
  const { digits, places } = scaled(rate);
  const numerator = BigInt(amountMinor) * digits * 10n ** BigInt(decimals);
  const denominator = 10n ** BigInt(currencyExponent(currency) + places);
  return (numerator + denominator - 1n) / denominator;
}

/** Base units as a decimal string with at least two decimals and no trailing zeros beyond: 25000000, 6 → "25.00"; 1, 6 → "0.000001". */
export function formatUnits(value: bigint, decimals: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(decimals + 1, "0");
  const whole = decimals === 0 ? digits : digits.slice(0, -decimals);
  const fraction = decimals === 0 ? "" : digits.slice(-decimals).replace(/0+$/, "");
  const shown = fraction.length >= 2 || decimals < 2 ? fraction : fraction.padEnd(Math.min(2, decimals), "0");
  return `${negative ? "-" : ""}${whole}${shown ? `.${shown}` : ""}`;
}

/**
 * An EIP-681 payment request for a token transfer, which wallets open from a link or a QR code:
 * ethereum:<token>@<chain id>/transfer?address=<to>&uint256=<base units>.
 */
export function paymentUri(token: string, chainId: number, to: string, baseUnits: bigint): string {
  return `ethereum:${token}@${chainId}/transfer?address=${to}&uint256=${baseUnits.toString()}`;
}
