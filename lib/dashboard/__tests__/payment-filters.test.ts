import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createTestMerchant } from "@/lib/testing/fixtures";
import { parsePaymentFilters } from "../payment-filters";
import { searchPayments } from "../search-payments";

describe("the payments list's query string", () => {
  it("keeps real days and drops ones that only look like days, so the list never fails", async () => {
    const { merchant } = await createTestMerchant();
    const db = await getDb();
    for (const bad of ["2024-13-45", "2023-02-29", "2024-04-31", "0000-00-00", "2024-1-1", "tomorrow"]) {
      const search = parsePaymentFilters({ from: bad, to: bad });
      expect(search.from).toBeUndefined();
      expect(search.to).toBeUndefined();
      await expect(searchPayments(db, merchant.id, search)).resolves.toMatchObject({ payments: [] });
    }
    const leap = parsePaymentFilters({ from: "2024-02-29", to: "2024-03-01" });
    expect(leap).toMatchObject({ from: "2024-02-29", to: "2024-03-01" });
    await expect(searchPayments(db, merchant.id, leap)).resolves.toMatchObject({ payments: [] });
  });

  it("ignores an unknown status or dialect instead of failing", () => {
    expect(parsePaymentFilters({ status: "bogus", dialect: ["shop", "x"] })).toMatchObject({ status: undefined, dialect: "shop" });
  });
});
