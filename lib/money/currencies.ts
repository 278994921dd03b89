/**
 * ISO 4217 active currencies and their minor-unit exponent. Two is the common case, so only the
 * exceptions are listed with their exponent.
 */
const EXPONENT_EXCEPTIONS: Record<string, number> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0,
  UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};

const TWO_DECIMAL = (
  "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN " +
  "BZD CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP " +
  "GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP " +
  "LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR " +
  "NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN " +
  "SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG"
).split(" ");

const EXPONENTS: ReadonlyMap<string, number> = new Map([
  ...TWO_DECIMAL.map((code) => [code, 2] as const),
  ...Object.entries(EXPONENT_EXCEPTIONS),
]);

export function isCurrency(code: string): boolean {
  return EXPONENTS.has(code.toUpperCase());
}

/** Digits after the decimal point for the currency (JPY 0, USD 2, KWD 3). */
export function currencyExponent(code: string): number {
  const exponent = EXPONENTS.get(code.toUpperCase());
  if (exponent === undefined) throw new Error(`Unknown currency ${code}`);
  return exponent;
}
