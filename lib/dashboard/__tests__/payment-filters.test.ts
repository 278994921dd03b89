import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { paymentIntents } from "@/db/schema";
import { createIntent } from "@/lib/intents/create-intent";
import { createTestMerchant, payIntent } from "@/lib/testing/fixtures";
import { parsePaymentFilters } from "../payment-filters";
import { searchPayments } from "../search-payments";

/** A merchant with three payments on known days, so every filter has something to keep and something to drop. */
async function merchantWithPayments() {
  const { merchant } = await createTestMerchant();
  const db = await getDb();
  const make = async (day: string, fields: { referenceId: string; customerEmail: string; dialect: "native" | "mutopay" }) => {
    const intent = await createIntent(db, merchant, { amount: 1000, currency: "USD", successUrl: "https://shop.example/ok", ...fields }, { type: "system" });
    await db.update(paymentIntents).set({ createdAt: sql`${day}::timestamptz` }).where(eq(paymentIntents.id, intent.id));
    return intent.id;
  };
  const leapDay = await make("2024-02-29T12:00:00Z", { referenceId: "ORDER-1", customerEmail: "ada@example.com", dialect: "native" });
  const march = await make("2024-03-02T12:00:00Z", { referenceId: "ORDER-2", customerEmail: "grace@example.com", dialect: "mutopay" });
  const april = await make("2024-04-30T12:00:00Z", { referenceId: "INV-9", customerEmail: "alan@example.org", dialect: "native" });
  await payIntent(march);
  return { db, merchantId: merchant.id, leapDay, march, april };
}

const ids = (results: { payments: { id: string }[] }) => results.payments.map((payment) => payment.id).sort();

describe("the payments list's query string", () => {
  it("keeps real days and drops ones that only look like days, so the list never fails", async () => {
    const { db, merchantId, leapDay, march, april } = await merchantWithPayments();
    for (const bad of ["2024-13-45", "2023-02-29", "2024-04-31", "0000-00-00", "2024-1-1", "tomorrow"]) {
      const search = parsePaymentFilters({ from: bad, to: bad });
      expect(search.from).toBeUndefined();
      expect(search.to).toBeUndefined();
      // An ignored filter leaves every payment in the list.
      expect(ids(await searchPayments(db, merchantId, search))).toEqual([leapDay, march, april].sort());
    }
    const leap = parsePaymentFilters({ from: "2024-02-29", to: "2024-03-01" });
    expect(leap).toMatchObject({ from: "2024-02-29", to: "2024-03-01" });
    expect(ids(await searchPayments(db, merchantId, leap))).toEqual([leapDay]);
    expect(ids(await searchPayments(db, merchantId, parsePaymentFilters({ from: "2024-03-01" })))).toEqual([march, april].sort());
  });

  it("filters by status and dialect, and searches id, reference and email", async () => {
    const { db, merchantId, leapDay, march, april } = await merchantWithPayments();
    const search = (query: Record<string, string>) => searchPayments(db, merchantId, parsePaymentFilters(query)).then(ids);
    expect(await search({ status: "succeeded" })).toEqual([march]);
    expect(await search({ dialect: "native" })).toEqual([leapDay, april].sort());
    expect(await search({ q: "ORDER" })).toEqual([leapDay, march].sort());
    expect(await search({ q: "example.org" })).toEqual([april]);
    expect(await search({ q: april })).toEqual([april]);
    expect(await search({ q: "100%_" })).toEqual([]);
  });

  it("ignores an unknown status or dialect instead of failing", () => {
    expect(parsePaymentFilters({ status: "bogus", dialect: ["shop", "x"] })).toMatchObject({ status: undefined, dialect: "shop" });
  });
});
