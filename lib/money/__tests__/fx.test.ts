import { afterEach, describe, expect, it } from "vitest";
import { toUsd } from "../fx";

afterEach(() => {
  delete process.env.KASSA_FX_RATES;
});

describe("toUsd", () => {
  it("converts exactly and rounds half up to the cent", () => {
    expect(toUsd(2500, "EUR")).toEqual({ usdMinor: 2713, rate: "1.0850" }); // 27.125 → 27.13
    expect(toUsd(1000, "JPY")).toEqual({ usdMinor: 670, rate: "0.0067" }); // ¥1000 → $6.70
    expect(toUsd(1250, "KWD")).toEqual({ usdMinor: 406, rate: "3.2500" }); // KWD 1.250 → $4.0625 → $4.06
    expect(toUsd(999, "USD")).toEqual({ usdMinor: 999, rate: "1" });
  });

  it("takes rates from KASSA_FX_RATES and has none for unknown currencies", () => {
    process.env.KASSA_FX_RATES = "EUR=2,BRL=0.2";
    expect(toUsd(100, "EUR")).toEqual({ usdMinor: 200, rate: "2" });
    expect(toUsd(1000, "BRL")).toEqual({ usdMinor: 200, rate: "0.2" });
    expect(toUsd(100, "MXN")).toBeNull();
  });

  it("refuses a malformed rate table", () => {
    for (const table of ["EUR=1,5", "EUR=-1", "EUR=0", "XYZ=1", "EUR=1e3"]) {
      process.env.KASSA_FX_RATES = table;
      expect(() => toUsd(100, "EUR"), table).toThrow(/KASSA_FX_RATES/);
    }
  });
});
