import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createIntent } from "@/lib/intents/create-intent";
import { refundIntent } from "@/lib/intents/refund-intent";
import { createTestMerchant, payIntent } from "@/lib/testing/fixtures";
import { parsePaymentFilters } from "../payment-filters";
import { csvField, paymentsCsv } from "../payments-csv";
import { searchPayments } from "../search-payments";

async function collect(lines: AsyncGenerator<string>): Promise<string> {
  let text = "";
  for await (const line of lines) text += line;
  return text;
}

/** A merchant with one payment in each state that the list tells apart. */
async function merchantWithStates() {
  const { merchant } = await createTestMerchant();
  const db = await getDb();
  const make = async (description: string, amount = 4200) =>
    createIntent(db, merchant, { dialect: "native", amount, currency: "EUR", description, successUrl: "https://shop.example/ok" }, { type: "system" });
  const open = await make("=HYPERLINK(\"http://evil.example\")");
  const paid = await make("paid, in full");
  const partly = await make("partly refunded");
  const refunded = await make("refunded", 1999);
  for (const intent of [paid, partly, refunded]) await payIntent(intent.id);
  await refundIntent(db, merchant.id, partly.id, { amount: 1200 }, { type: "system" });
  await refundIntent(db, merchant.id, refunded.id, {}, { type: "system" });
  return { db, merchantId: merchant.id, open, paid, partly, refunded };
}

describe("payment statuses in the dashboard", () => {
  it("filter exactly the rows they label: succeeded leaves out refunded payments", async () => {
    const { db, merchantId, open, paid, partly, refunded } = await merchantWithStates();
    const only = async (status: string) => (await searchPayments(db, merchantId, parsePaymentFilters({ status }))).payments.map((payment) => payment.id);
    expect(await only("succeeded")).toEqual([paid.id]);
    expect(await only("partially_refunded")).toEqual([partly.id]);
    expect(await only("refunded")).toEqual([refunded.id]);
    expect(await only("requires_payment_method")).toEqual([open.id]);
  });
});

describe("the payments CSV export", () => {
  it("lists the filtered payments with captured, refunded and net amounts as decimals", async () => {
    const { db, merchantId, partly, refunded } = await merchantWithStates();
    const csv = await collect(paymentsCsv(db, merchantId, parsePaymentFilters({ status: "partially_refunded" })));
    const [header, ...rows] = csv.trimEnd().split("\r\n");
    expect(header).toBe("id,created_at,status,currency,amount,captured,refunded,net,description,reference,customer_email,dialect,tx_hash");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(new RegExp(`^${partly.id},[^,]+,partially refunded,EUR,42\\.00,42\\.00,12\\.00,30\\.00,partly refunded,,,native,$`));

    const all = await collect(paymentsCsv(db, merchantId, parsePaymentFilters({})));
    expect(all.trimEnd().split("\r\n")).toHaveLength(5);
    expect(all).toContain(`${refunded.id},`);
    expect(all).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(all).toContain(`"paid, in full"`);
  });

  it("pages through more payments than one read holds", async () => {
    const { merchant } = await createTestMerchant();
    const db = await getDb();
    for (let i = 0; i < 503; i++) {
      await createIntent(db, merchant, { dialect: "native", amount: 100 + i, currency: "USD", successUrl: "https://shop.example/ok" }, { type: "system" });
    }
    const csv = await collect(paymentsCsv(db, merchant.id, parsePaymentFilters({})));
    const rows = csv.trimEnd().split("\r\n").slice(1);
    expect(rows).toHaveLength(503);
    expect(new Set(rows.map((row) => row.split(",")[0])).size).toBe(503);
  });

  it("neutralises what a spreadsheet would run as a formula, and quotes what needs it", () => {
    expect(["=1+1", "+1", "-1", "@SUM(A1)", "plain", 'say "hi"', "a,b"].map(csvField)).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "plain", '"say ""hi"""', '"a,b"']);
  });
});

describe("a formula after a locale's separator", () => {
  it("is quoted whole, so no spreadsheet splits it off into a cell of its own", () => {
    expect(csvField("x;=1+1")).toBe('"x;=1+1"');
    expect(csvField("x\t=1+1")).toBe('"x\t=1+1"');
    expect(csvField("x|=1+1")).toBe('"x|=1+1"');
    expect(csvField(" =1+1")).toBe("' =1+1");
    expect(csvField(" \t@SUM(A1)")).toBe(`"' \t@SUM(A1)"`);
  });
});
