import { eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { queryRows } from "@/db/rows";
import { paymentAttempts, paymentIntents } from "@/db/schema";
import { callRoute } from "@/lib/testing/call-route";
import { createTestMerchant, futureExpiry, validIntent } from "@/lib/testing/fixtures";
import * as collection from "../payment-intents/route";
import * as single from "../payment-intents/[id]/route";
import * as confirm from "../payment-intents/[id]/confirm/route";

async function newIntent(extra: Record<string, unknown> = {}) {
  const merchant = await createTestMerchant();
  const response = await callRoute(collection.POST, {
    path: "/api/v1/payment-intents",
    body: { ...validIntent, ...extra },
    headers: merchant.auth,
  });
  return { ...merchant, intent: response.body };
}

function pay(intent: { id: string; client_secret: string }, card: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return callRoute(confirm.POST, {
    path: `/api/v1/payment-intents/${intent.id}/confirm`,
    params: { id: intent.id },
    headers,
    body: {
      client_secret: intent.client_secret,
      card: { number: "4242 4242 4242 4242", ...futureExpiry(), cvc: "123", name: "Ada Buyer", ...card },
    },
  });
}

afterEach(() => vi.restoreAllMocks());

describe("POST /api/v1/payment-intents/{id}/confirm", () => {
  it("pays with 4242 and shows the card's brand and last 4", async () => {
    const { intent, auth } = await newIntent();
    const response = await pay(intent);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: intent.id,
      status: "succeeded",
      amount_captured: 9999,
      last_error: null,
      attempt_count: 1,
      payment_method: { type: "card", card: { brand: "visa", last4: "4242" } },
      attempts: [{ number: 1, status: "succeeded", card: { brand: "visa", last4: "4242" } }],
    });
    const read = await callRoute(single.GET, { path: `/api/v1/payment-intents/${intent.id}`, params: { id: intent.id }, headers: auth });
    expect(read.body.status).toBe("succeeded");
    expect(read.body.payment_method.card.last4).toBe("4242");
  });

  it("pays with the Mastercard test card", async () => {
    const { intent } = await newIntent();
    const response = await pay(intent, { number: "5555555555554444" });
    expect(response.status).toBe(200);
    expect(response.body.payment_method.card).toMatchObject({ brand: "mastercard", last4: "4444" });
  });

  it("answers 422 payment already completed for a second confirm", async () => {
    const { intent } = await newIntent();
    await pay(intent);
    const again = await pay(intent);
    expect(again.status).toBe(422);
    expect(again.body.error).toMatchObject({ code: "payment_already_completed", message: "This payment has already been completed." });
  });

  it("leaves a manual-capture intent authorized and then refuses to confirm it again", async () => {
    const { intent } = await newIntent({ capture_method: "manual" });
    const response = await pay(intent);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: "authorized", amount_captured: 0 });
    const again = await pay(intent);
    expect(again.status).toBe(422);
    expect(again.body.error.code).toBe("payment_already_completed");
  });

  it("answers 403 for a wrong or missing client_secret and 404 for an unknown intent", async () => {
    const { intent } = await newIntent();
    const wrong = await pay({ id: intent.id, client_secret: `${intent.id}_secret_wrong` });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error).toMatchObject({ type: "permission_error", code: "client_secret_invalid" });
    const missing = await callRoute(confirm.POST, {
      path: `/api/v1/payment-intents/${intent.id}/confirm`,
      params: { id: intent.id },
      body: { card: { number: "4242424242424242", ...futureExpiry(), cvc: "123" } },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ code: "parameter_missing", param: "client_secret" });
    const unknown = await pay({ id: "pi_doesnotexist", client_secret: "x" });
    expect(unknown.status).toBe(404);
  });

  it.each([
    ["4000000000009995", "51", /insufficient funds/],
    ["4000000000000069", "54", /expired/],
    ["4000000000000127", "N7", /security code|CVC/],
  ])("declines %s with code %s and lets the buyer retry", async (number, declineCode, message) => {
    const { intent } = await newIntent();
    const declined = await pay(intent, { number });
    expect(declined.status).toBe(402);
    expect(declined.body.error).toMatchObject({ type: "card_error", code: "card_declined", decline_code: declineCode });
    expect(declined.body.error.message).toMatch(message);
    expect(declined.body.error.payment_intent).toMatchObject({
      status: "requires_payment_method",
      last_error: { code: "card_declined", decline_code: declineCode },
      attempt_count: 1,
    });
    const retried = await pay(intent);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ status: "succeeded", attempt_count: 2, last_error: null });
    expect(retried.body.attempts.map((a: { status: string }) => a.status)).toEqual(["declined", "succeeded"]);
  });

  it("fails the intent on the fifth decline and accepts no sixth attempt", async () => {
    const { intent } = await newIntent();
    for (let attempt = 1; attempt <= 4; attempt++) {
      const response = await pay(intent, { number: "4000000000009995" });
      expect(response.body.error.payment_intent.status).toBe("requires_payment_method");
    }
    const fifth = await pay(intent, { number: "4000000000009995" });
    expect(fifth.status).toBe(402);
    expect(fifth.body.error.payment_intent).toMatchObject({ status: "failed", attempt_count: 5 });
    const sixth = await pay(intent);
    expect(sixth.status).toBe(422);
    expect(sixth.body.error).toMatchObject({ code: "intent_unexpected_state", status: "failed" });
  });

  it.each([
    [{ number: "4242424242424241" }, "invalid_number", "card[number]"],
    [{ number: "4242" }, "invalid_number", "card[number]"],
    [{ exp_month: 13 }, "invalid_expiry", "card[exp_month]"],
    [{ exp_month: 1, exp_year: 2020 }, "invalid_expiry", "card[exp_year]"],
    [{ cvc: "12" }, "invalid_cvc", "card[cvc]"],
    [{ number: "378282246310005", cvc: "123" }, "invalid_cvc", "card[cvc]"],
  ])("rejects %j with 400 %s before any attempt is made", async (card, code, param) => {
    const { intent } = await newIntent();
    const response = await pay(intent, card);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ type: "card_error", code, param });
    const db = await getDb();
    expect(await db.select().from(paymentAttempts).where(eq(paymentAttempts.intentId, intent.id))).toHaveLength(0);
  });

  it("accepts an Amex with a four-digit CVC", async () => {
    const { intent } = await newIntent();
    const response = await pay(intent, { number: "378282246310005", cvc: "1234" });
    expect(response.status).toBe(200);
    expect(response.body.payment_method.card.brand).toBe("amex");
  });

  it("refuses an expired intent with 422 and marks it expired", async () => {
    const { intent } = await newIntent();
    const db = await getDb();
    await db.update(paymentIntents).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(paymentIntents.id, intent.id));
    const response = await pay(intent);
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({ code: "intent_unexpected_state", status: "expired" });
  });

  it("charges once when 20 confirms of one intent race", async () => {
    const { intent } = await newIntent();
    const responses = await Promise.all(Array.from({ length: 20 }, () => pay(intent)));
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    for (const response of responses.filter((r) => r.status !== 200)) {
      expect([409, 422]).toContain(response.status);
      expect(["payment_already_completed", "payment_processing"]).toContain(response.body.error.code);
    }
    const db = await getDb();
    const attempts = await db.select().from(paymentAttempts).where(eq(paymentAttempts.intentId, intent.id));
    expect(attempts).toHaveLength(1);
    expect(attempts[0]!.status).toBe("succeeded");
  });

  it("replays a double-submitted confirm with the same Idempotency-Key instead of charging twice", async () => {
    const { intent } = await newIntent();
    const headers = { "idempotency-key": "checkout-form-render-1" };
    const [first, second] = await Promise.all([pay(intent, {}, headers), pay(intent, {}, headers)]);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    const db = await getDb();
    expect(await db.select().from(paymentAttempts).where(eq(paymentAttempts.intentId, intent.id))).toHaveLength(1);
  });

  it("never writes the card number or CVC to any table or log", async () => {
    const logged: string[] = [];
    for (const method of ["log", "info", "warn", "error", "debug"] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
    }
    const { intent } = await newIntent();
    await pay(intent, { number: "4000000000009995", cvc: "987" });
    await pay(intent, { number: "4242424242424241", cvc: "987" });
    await pay(intent, { number: "4242 4242 4242 4242", cvc: "987" });

    const db = await getDb();
    const tables = await queryRows<{ table_name: string }>(
      db,
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    );
    expect(tables.length).toBeGreaterThanOrEqual(9);
    for (const { table_name } of tables) {
      const rows = await queryRows<{ row: string }>(db, sql`select t::text as row from ${sql.identifier(table_name)} t`);
      for (const { row } of rows) {
        expect(row, table_name).not.toContain("4242424242424242");
        expect(row, table_name).not.toContain("4000000000009995");
        expect(row, table_name).not.toContain("4242 4242 4242 4242");
      }
    }
    const [paid] = await db.select().from(paymentIntents).where(eq(paymentIntents.id, intent.id));
    // Every card column but the random id and the hex fingerprint, where digits can appear by chance.
    const cards = await queryRows<{ row: string }>(
      db,
      sql`select concat_ws(' ', brand, last4, exp_month, exp_year, cardholder_name) as row from card_tokens where merchant_id = ${paid!.merchantId}`,
    );
    expect(cards).toHaveLength(2);
    for (const { row } of cards) expect(row).not.toContain("987");
    expect(logged.join("\n")).not.toMatch(/4242424242424242|4000000000009995|4242 4242 4242 4242/);
  });
});
