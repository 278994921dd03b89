import { afterEach, describe, expect, it } from "vitest";
import { amountDue, formatUnits, paymentUri, tokenRate } from "../token-amount";

afterEach(() => {
  delete process.env.KASSA_FX_RATES;
});

describe("token amounts", () => {
  it("quotes a dollar amount in a 6-decimal dollar token exactly", () => {
    expect(amountDue(2500, "USD", "1", 6)).toBe(25_000_000n);
    expect(amountDue(1, "USD", "1", 6)).toBe(10_000n);
    expect(amountDue(99_999_999_999, "USD", "1", 18)).toBe(999_999_999_990_000_000_000_000_000n);
  });

  it("converts at the kept rate and rounds up to the token's decimals, never down", () => {
    // 10.00 EUR at 1.0850 = 10.85 USD exactly.
    expect(amountDue(1000, "EUR", "1.0850", 6)).toBe(10_850_000n);
    // 1 JPY at 0.0067 = 0.0067 USD; at 2 decimals that rounds up to 0.01.
    expect(amountDue(1, "JPY", "0.0067", 2)).toBe(1n);
    // 0.333333333333 × 0.01 = 0.00333…: rounded up at the sixth decimal.
    expect(amountDue(1, "USD", "0.333333333333", 6)).toBe(3_334n);
    expect(amountDue(1, "KWD", "3.25", 6)).toBe(3_250n);
  });

  it("takes rates from the table, cross rates to 12 places", () => {
    expect(tokenRate("USD", "USD")).toBe("1");
    expect(tokenRate("EUR", "USD")).toBe("1.0850");
    process.env.KASSA_FX_RATES = "EUR=1.25";
    expect(tokenRate("USD", "EUR")).toBe("0.80");
    expect(tokenRate("GBP", "EUR")).toBe("1.016");
    expect(tokenRate("XXX", "USD")).toBeNull();
  });

  it("writes base units as decimals", () => {
    expect(formatUnits(25_000_000n, 6)).toBe("25.00");
    expect(formatUnits(25_500_001n, 6)).toBe("25.500001");
    expect(formatUnits(1n, 6)).toBe("0.000001");
    expect(formatUnits(5n, 0)).toBe("5");
    expect(formatUnits(10n ** 18n, 18)).toBe("1.00");
  });

  it("builds an EIP-681 token transfer request", () => {
    expect(paymentUri("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48", 8453, "0x0000000000000000000000000000000000000001", 25_000_000n)).toBe(
      "ethereum:0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48@8453/transfer?address=0x0000000000000000000000000000000000000001&uint256=25000000",
    );
  });
});
