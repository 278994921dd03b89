import { currencyExponent, isCurrency } from "./currencies";

/**
 * USD per one unit of each currency, as decimal strings so no rate is ever a binary float.
 * KASSA_FX_RATES overrides or extends them: "EUR=1.0850,GBP=1.2700".
 */
const DEFAULT_RATES: Record<string, string> = {
  USD: "1",
  EUR: "1.0850",
  GBP: "1.2700",
  CHF: "1.1300",
  CAD: "0.7300",
  AUD: "0.6600",
  JPY: "0.0067",
  SEK: "0.0950",
  NOK: "0.0930",
  DKK: "0.1450",
  PLN: "0.2500",
  KWD: "3.2500",
};

const RATE = /^\d{1,9}(\.\d{1,12})?$/;

export function fxRates(): Record<string, string> {
  const rates = { ...DEFAULT_RATES };
  for (const pair of (process.env.KASSA_FX_RATES ?? "").split(",")) {
    if (pair.trim() === "") continue;
    const [code, rate] = pair.split("=").map((part) => part.trim());
    if (!code || !rate || !isCurrency(code) || !RATE.test(rate) || Number(rate) === 0) {
      throw new Error(`KASSA_FX_RATES: "${pair}" is not CODE=rate with a positive decimal rate`);
    }
    rates[code.toUpperCase()] = rate;
  }
  return rates;
}

export type Conversion = { usdMinor: number; rate: string };

/**
 * Converts minor units of `currency` into US cents at the configured rate, exactly, rounding half
 * up to the cent. Null when there is no rate for the currency.
 */
export function toUsd(minor: number, currency: string): Conversion | null {
  const rate = fxRates()[currency.toUpperCase()];
  if (!rate) return null;
  const [whole, fraction = ""] = rate.split(".");
  const rateScaled = BigInt(whole! + fraction);
  // minor × rate × 10^2 / 10^exponent, with the rate's decimals as a further power of ten.
  const numerator = BigInt(minor) * rateScaled * 100n;
  const denominator = 10n ** BigInt(currencyExponent(currency) + fraction.length);
  const usdMinor = (numerator * 2n + denominator) / (denominator * 2n);
  return { usdMinor: Number(usdMinor), rate };
}
