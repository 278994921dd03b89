import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { paymentAttempts, paymentIntents } from "@/db/schema";
import { createIntent } from "@/lib/intents/create-intent";
import { createTestMerchant } from "@/lib/testing/fixtures";
import { parseExpiry, submitCheckoutForm, type CheckoutForm } from "../submit-checkout-form";

const nextYear = String((new Date().getUTCFullYear() + 1) % 100).padStart(2, "0");

async function openIntent(uiMode: "hosted" | "embedded" = "hosted") {
  const { merchant } = await createTestMerchant();
  const db = await getDb();
  const intent = await createIntent(
    db,
    merchant,
    {
      dialect: "native",
      amount: 1500,
      currency: "EUR",
      uiMode,
      successUrl: "https://shop.example/done?id={CHECKOUT_SESSION_ID}",
      cancelUrl: "https://shop.example/cart",
    },
    { type: "system" },
  );
  const form = (overrides: Partial<CheckoutForm> = {}): CheckoutForm => ({
    intentId: intent.id,
    clientSecret: intent.clientSecret,
    submissionKey: "render-1",
    number: "4242 4242 4242 4242",
    expiry: `12 / ${nextYear}`,
    cvc: "123",
    name: "Ada",
    email: "",
    acceptLanguage: null,
    ...overrides,
  });
  return { db, intent, form };
}

describe("submitCheckoutForm (the page without JavaScript)", () => {
  it("redirects to success_url with the intent id once paid", async () => {
    const { db, intent, form } = await openIntent();
    const location = await submitCheckoutForm(db, form());
    expect(location).toBe(`https://shop.example/done?id=${intent.id}&payment_intent=${intent.id}`);
  });

  it("charges once when the same rendered form is posted twice, even at the same moment", async () => {
    const { db, intent, form } = await openIntent();
    const [first, second] = await Promise.all([submitCheckoutForm(db, form()), submitCheckoutForm(db, form())]);
    expect(second).toBe(first);
    const attempts = await db.select().from(paymentAttempts).where(eq(paymentAttempts.intentId, intent.id));
    expect(attempts).toHaveLength(1);
  });

  it("comes back to the page after a decline, where the intent carries the error", async () => {
    const { db, intent, form } = await openIntent();
    const location = await submitCheckoutForm(db, form({ number: "4000000000000069" }));
    expect(location).toBe(`/pay/${intent.id}?client_secret=${intent.clientSecret}`);
    const [row] = await db.select().from(paymentIntents).where(eq(paymentIntents.id, intent.id));
    expect(row!.lastError).toMatchObject({ declineCode: "54" });
  });

  it("comes back with an error code for a card the page can reject itself, and writes nothing", async () => {
    const { db, intent, form } = await openIntent();
    expect(await submitCheckoutForm(db, form({ number: "4242424242424241" }))).toMatch(/&error=invalid_number$/);
    expect(await submitCheckoutForm(db, form({ expiry: "13/99", submissionKey: "render-2" }))).toMatch(/&error=invalid_expiry$/);
    expect(await submitCheckoutForm(db, form({ expiry: "soon", submissionKey: "render-3" }))).toMatch(/&error=invalid_expiry$/);
    expect(await submitCheckoutForm(db, form({ email: "not an address", submissionKey: "render-4" }))).toMatch(/&error=invalid_email$/);
    const attempts = await db.select().from(paymentAttempts).where(eq(paymentAttempts.intentId, intent.id));
    expect(attempts).toHaveLength(0);
  });

  it("keeps an embedded checkout on its page after paying, and has it tell the merchant's page", async () => {
    const { db, intent, form } = await openIntent("embedded");
    expect(await submitCheckoutForm(db, form())).toBe(`/pay/${intent.id}?client_secret=${intent.clientSecret}&outcome=1`);
  });

  it("reads expiry dates as buyers type them", () => {
    expect(parseExpiry("12/28")).toEqual({ month: 12, year: 28 });
    expect(parseExpiry(" 1 / 2031 ")).toEqual({ month: 1, year: 2031 });
    expect(parseExpiry("1228")).toBeNull();
  });
});
