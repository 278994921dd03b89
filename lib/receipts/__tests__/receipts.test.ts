import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { emailMessages, merchants } from "@/db/schema";
import { confirmIntent } from "@/lib/checkout/confirm-intent";
import { createIntent, type NewIntent } from "@/lib/intents/create-intent";
import { refundIntent } from "@/lib/intents/refund-intent";
import { createTestMerchant, futureExpiry, payIntent } from "@/lib/testing/fixtures";
import { startSmtpSink } from "@/lib/testing/smtp-sink.mjs";
import { mailTransport } from "../mail-transport";
import { sendDueEmails } from "../send-due-emails";

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
});

function smtp() {
  process.env.KASSA_SMTP_URL = sink.url;
  try {
    return mailTransport()!;
  } finally {
    delete process.env.KASSA_SMTP_URL;
  }
}

async function paidIntent(input: Partial<NewIntent> = {}, card = "4242424242424242") {
  const test = await createTestMerchant("Northwind Coffee");
  const db = await getDb();
  const intent = await createIntent(
    db,
    test.merchant,
    { dialect: "native", amount: 2500, currency: "EUR", referenceId: "ORDER-77", successUrl: "https://shop.example/ok", cancelUrl: "https://shop.example/c", ...input },
    { type: "system" },
  );
  await payIntent(intent.id, card);
  return { ...test, intent };
}

/** What arrived for one address, with Intl's no-break spaces ("25,00 €") made plain for reading. */
const mailTo = (address: string) =>
  sink.received.filter((mail) => mail.to.includes(address)).map((mail) => ({ ...mail, text: mail.text.replace(/[\u00a0\u202f]/g, " ") }));

describe("receipts", () => {
  it("go over SMTP when a payment succeeds and when it is refunded, in the buyer's language", async () => {
    const buyer = `buyer-${Date.now()}@example.com`;
    const { merchant, intent } = await paidIntent({
      customerEmail: buyer,
      locale: "de",
      lineItems: [{ name: "Bohnen", quantity: 2, unitAmount: 1250 }],
    });
    const db = await getDb();
    await sendDueEmails(db, smtp());
    const [receipt] = mailTo(buyer);
    expect(receipt).toMatchObject({ subject: "Ihre Quittung von Northwind Coffee", from: expect.stringContaining("Northwind Coffee via Kassa") });
    expect(receipt!.text).toContain("Bezahlter Betrag: 25,00 €");
    expect(receipt!.text).toContain("Visa mit Endziffern 4242");
    expect(receipt!.text).toContain("Referenz: ORDER-77");
    expect(receipt!.text).toContain("2 × Bohnen");
    expect(receipt!.html).toContain('<html lang="de">');
    expect(receipt!.html).toContain("Quittung von Northwind Coffee");

    await refundIntent(db, merchant.id, intent.id, { amount: 1000 }, { type: "system" });
    await sendDueEmails(db, smtp());
    const refund = mailTo(buyer)[1];
    expect(refund).toMatchObject({ subject: "Ihre Erstattung von Northwind Coffee" });
    expect(refund!.text).toContain("Erstatteter Betrag: 10,00 €");
    const rows = await db.select().from(emailMessages).where(eq(emailMessages.intentId, intent.id));
    expect(rows.map((row) => row.status)).toEqual(["sent", "sent"]);
  });

  it("are kept in the dashboard's mailbox when no SMTP server is configured", async () => {
    const { intent } = await paidIntent({ customerEmail: "keep@example.com" });
    const db = await getDb();
    await sendDueEmails(db, null);
    const [row] = await db.select().from(emailMessages).where(eq(emailMessages.intentId, intent.id));
    expect(row).toMatchObject({ status: "stored", recipient: "keep@example.com", subject: "Your receipt from Northwind Coffee" });
    expect(row!.textBody!.replace(/[\u00a0\u202f]/g, " ")).toContain("Amount paid: €25.00");
    expect(mailTo("keep@example.com")).toEqual([]);
  });

  it("go to the address the buyer typed at the checkout, in the language their browser asked for", async () => {
    const test = await createTestMerchant("Northwind Coffee");
    const db = await getDb();
    const intent = await createIntent(db, test.merchant, { dialect: "native", amount: 990, currency: "USD", successUrl: "https://shop.example/ok" }, { type: "system" });
    const { exp_month: expMonth, exp_year: expYear } = futureExpiry();
    await confirmIntent(db, {
      intentId: intent.id,
      clientSecret: intent.clientSecret,
      card: { number: "4242424242424242", expMonth, expYear, cvc: "123" },
      customerEmail: "typed@example.com",
      buyerLocale: "fr",
    });
    await sendDueEmails(db, smtp());
    expect(mailTo("typed@example.com").map((mail) => mail.subject)).toEqual(["Votre reçu de Northwind Coffee"]);
  });

  it("go to the address the buyer corrected on a later attempt, not the one typed with a declined card", async () => {
    const test = await createTestMerchant("Northwind Coffee");
    const db = await getDb();
    const intent = await createIntent(db, test.merchant, { dialect: "native", amount: 990, currency: "USD", successUrl: "https://shop.example/ok" }, { type: "system" });
    const { exp_month: expMonth, exp_year: expYear } = futureExpiry();
    const attempt = (number: string, customerEmail: string) =>
      confirmIntent(db, { intentId: intent.id, clientSecret: intent.clientSecret, card: { number, expMonth, expYear, cvc: "123" }, customerEmail });
    expect((await attempt("4000000000000069", "typo@exampel.com")).outcome).toBe("declined");
    expect((await attempt("4242424242424242", "fixed@example.com")).outcome).toBe("succeeded");
    await sendDueEmails(db, smtp());
    expect([mailTo("typo@exampel.com").length, mailTo("fixed@example.com").length]).toEqual([0, 1]);
  });

  it("are not sent when the merchant turned them off, nor without an email", async () => {
    const test = await createTestMerchant();
    const db = await getDb();
    await db.update(merchants).set({ receiptsEnabled: false }).where(eq(merchants.id, test.merchant.id));
    const off = await createIntent(db, { id: test.merchant.id }, { dialect: "native", amount: 500, currency: "USD", customerEmail: "off@example.com", successUrl: "https://s.example/ok" }, { type: "system" });
    await payIntent(off.id);
    const { intent: none } = await paidIntent();
    const rows = await db.select().from(emailMessages).where(eq(emailMessages.intentId, off.id));
    const rowsWithout = await db.select().from(emailMessages).where(eq(emailMessages.intentId, none.id));
    expect([rows, rowsWithout]).toEqual([[], []]);
  });

  it("are sent once when two workers look at the same time", async () => {
    const buyer = `once-${Date.now()}@example.com`;
    await paidIntent({ customerEmail: buyer });
    const db = await getDb();
    await Promise.all([sendDueEmails(db, smtp()), sendDueEmails(db, smtp()), sendDueEmails(db, smtp())]);
    expect(mailTo(buyer)).toHaveLength(1);
  });

  it("wait and try again, with the same Message-ID, while the SMTP server refuses them", async () => {
    const buyer = `later-${Date.now()}@example.com`;
    const { intent } = await paidIntent({ customerEmail: buyer });
    const db = await getDb();
    sink.state.refuse = true;
    try {
      await sendDueEmails(db, smtp());
    } finally {
      sink.state.refuse = false;
    }
    const [waiting] = await db.select().from(emailMessages).where(eq(emailMessages.intentId, intent.id));
    expect(waiting).toMatchObject({ status: "pending", attemptCount: 1, lastError: expect.stringContaining("451") });
    expect(waiting!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    await db.update(emailMessages).set({ nextAttemptAt: new Date(0) }).where(eq(emailMessages.id, waiting!.id));
    await sendDueEmails(db, smtp());
    const [mail] = mailTo(buyer);
    expect(mail!.messageId).toContain(waiting!.id);
  });
});
