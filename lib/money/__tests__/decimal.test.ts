import { describe, expect, it } from "vitest";
import { currencyExponent, isCurrency } from "../currencies";
import { decimalToMinor, minorToDecimal, minorToNumber } from "../decimal";
import { formatMoney } from "../format";

describe("decimalToMinor", () => {
  it.each([
    [19.99, "USD", 1999],
    ["19.99", "USD", 1999],
    [0.29, "USD", 29],
    [1.005, "KWD", 1005],
    [80, "USD", 8000],
    [50.0, "USD", 5000],
    ["80.000", "USD", 8000],
    [500, "JPY", 500],
    [1.1, "EUR", 110],
    [1234567.89, "USD", 123456789],
  ])("reads %j %s as %d minor units exactly", (value, currency, minor) => {
    expect(decimalToMinor(value, currency)).toEqual({ ok: true, minor });
  });

  it.each([
    [19.999, "USD", /more than 2 decimal places/],
    [1.5, "JPY", /no minor unit/],
    [-5, "USD", /positive decimal/],
    ["12abc", "USD", /decimal/],
    [Number.NaN, "USD", /finite/],
    [1e-7, "USD", /decimal/],
    [1e12, "USD", /too large/],
  ])("refuses %j %s", (value, currency, reason) => {
    const parsed = decimalToMinor(value, currency);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });
});

describe("minor units out", () => {
  it("formats the exponent of each currency", () => {
    expect(minorToDecimal(8000, "USD")).toBe("80.00");
    expect(minorToDecimal(5, "USD")).toBe("0.05");
    expect(minorToDecimal(500, "JPY")).toBe("500");
    expect(minorToDecimal(1250, "KWD")).toBe("1.250");
    expect(minorToNumber(2500, "USD")).toBe(25);
    expect(formatMoney(123450, "USD")).toBe("$1,234.50");
    expect(formatMoney(500, "JPY")).toBe("¥500");
  });

  it("knows currencies and their exponents", () => {
    expect(isCurrency("usd")).toBe(true);
    expect(isCurrency("XYZ")).toBe(false);
    expect([currencyExponent("JPY"), currencyExponent("USD"), currencyExponent("BHD")]).toEqual([0, 2, 3]);
  });
});
