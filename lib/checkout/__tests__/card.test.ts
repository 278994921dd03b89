import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { detectBrand, luhnValid, validateCard } from "../card";

const now = new Date("2026-11-21T12:00:00Z");

describe("card checks", () => {
  it.each([
    ["4242424242424242", "visa"],
    ["5555555555554444", "mastercard"],
    ["2223003122003222", "mastercard"],
    ["378282246310005", "amex"],
    ["6011111111111117", "discover"],
    ["3566002020360505", "jcb"],
    ["36227206271667", "diners"],
  ])("detects %s as %s and passes Luhn", (number, brand) => {
    expect(detectBrand(number)).toBe(brand);
    expect(luhnValid(number)).toBe(true);
  });

  it("fails Luhn for a mistyped digit", () => {
    expect(luhnValid("4242424242424241")).toBe(false);
  });

  it("accepts this month and two-digit years, refuses last month", () => {
    expect(validateCard({ number: "4242 4242 4242 4242", expMonth: 11, expYear: 26, cvc: "123" }, now)).toMatchObject({
      pan: "4242424242424242",
      last4: "4242",
      expYear: 2026,
    });
    expect(() => validateCard({ number: "4242424242424242", expMonth: 10, expYear: 2026, cvc: "123" }, now)).toThrow(AppError);
  });

  it("wants four CVC digits for Amex and three for the rest", () => {
    expect(() => validateCard({ number: "378282246310005", expMonth: 1, expYear: 2030, cvc: "123" }, now)).toThrow(/4 digits/);
    expect(() => validateCard({ number: "4242424242424242", expMonth: 1, expYear: 2030, cvc: "1234" }, now)).toThrow(/3 digits/);
  });
});
