import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { merchants, paymentIntents, paymentLinks } from "@/db/schema";
import { callRoute } from "@/lib/testing/call-route";
import { createTestMerchant, payIntent } from "@/lib/testing/fixtures";
import { refundIntent } from "@/lib/intents/refund-intent";
import { parsePaymentFilters } from "@/lib/dashboard/payment-filters";
import { searchPayments } from "@/lib/dashboard/search-payments";
import * as linksRoute from "@/app/api/v1/payment-links/route";
import * as linkRoute from "@/app/api/v1/payment-links/[id]/route";
import * as deactivateRoute from "@/app/api/v1/payment-links/[id]/deactivate/route";
import * as publicLink from "@/app/l/[slug]/route";
import { linkTotals } from "../link-totals";

async function createLink(auth: Record<string, string>, body: Record<string, unknown>) {
  return callRoute(linksRoute.POST, { path: "/api/v1/payment-links", headers: auth, body });
}

const slugOf = (url: string) => new URL(url).pathname.split("/").pop()!;

function visit(slug: string, form?: Record<string, string>, headers: Record<string, string> = {}) {
  const init: RequestInit = form
    ? { method: "POST", body: new URLSearchParams(form), headers: { "content-type": "application/x-www-form-urlencoded", ...headers } }
    : { headers };
  const handler = form ? publicLink.POST : publicLink.GET;
  return handler(new Request(`http://kassa.test/l/${slug}`, init), { params: Promise.resolve({ slug }) });
}

async function intentBehind(response: Response) {
  expect(response.status).toBe(303);
  const location = new URL(response.headers.get("location")!);
  const id = location.pathname.split("/").pop()!;
  const db = await getDb();
  const [intent] = await db.select().from(paymentIntents).where(eq(paymentIntents.id, id));
  expect(location.searchParams.get("client_secret")).toBe(intent!.clientSecret);
  return intent!;
}

describe("payment links over the API", () => {
  it("creates a fixed-price link with its public url, reads, lists and deactivates it", async () => {
    const { auth } = await createTestMerchant();
    const created = await createLink(auth, {
      name: "Espresso beans, 1 kg",
      currency: "eur",
      line_items: [{ name: "Espresso beans", quantity: 1, unit_amount: 2400 }],
      max_quantity: 5,
      success_url: "https://shop.example/thanks",
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      object: "payment_link",
      active: true,
      name: "Espresso beans, 1 kg",
      currency: "EUR",
      amount: 2400,
      custom_amount: null,
      max_quantity: 5,
      success_url: "https://shop.example/thanks",
      url: expect.stringMatching(/\/l\/[A-Za-z0-9]{8}$/),
    });
    const read = await callRoute(linkRoute.GET, { path: `/api/v1/payment-links/${created.body.id}`, headers: auth, params: { id: created.body.id } });
    expect(read.body).toEqual(created.body);
    const list = await callRoute(linksRoute.GET, { path: "/api/v1/payment-links?limit=5", headers: auth });
    expect(list.body).toMatchObject({ object: "list", has_more: false, data: [{ id: created.body.id }] });

    const off = await callRoute(deactivateRoute.POST, { path: `/api/v1/payment-links/${created.body.id}/deactivate`, headers: auth, params: { id: created.body.id }, body: {} });
    expect(off.body).toMatchObject({ active: false, deactivated_at: expect.any(String) });
    const activeOnly = await callRoute(linksRoute.GET, { path: "/api/v1/payment-links?active=true", headers: auth });
    expect(activeOnly.body.data).toEqual([]);
  });

  it("refuses a link without a price, with both kinds of price, or with items that disagree, and writes nothing", async () => {
    const { auth, merchant } = await createTestMerchant();
    const bad = [
      { name: "No price", currency: "USD" },
      { name: "Both", currency: "USD", amount: 500, custom_amount: { minimum: 100, maximum: 1000 } },
      { name: "Items", currency: "USD", amount: 500, line_items: [{ name: "A", quantity: 1, unit_amount: 400 }] },
      { name: "Range", currency: "USD", custom_amount: { minimum: 1000, maximum: 100 } },
      { name: "Quantity", currency: "USD", custom_amount: { minimum: 100, maximum: 1000 }, max_quantity: 3 },
      { name: "Decimal", currency: "USD", amount: 9.99 },
      { name: "", currency: "USD", amount: 500 },
      { name: "Where", currency: "USD", amount: 500, success_url: "javascript:alert(1)" },
      { name: "Items and range", currency: "USD", custom_amount: { minimum: 100, maximum: 1000 }, line_items: [{ name: "Donation", quantity: 1, unit_amount: 1000 }] },
      { name: "Too much", currency: "USD", line_items: [{ name: "A", quantity: 10_000, unit_amount: 99_999_999_999 }] },
      { name: "Too many", currency: "USD", amount: 99_999_999_999, max_quantity: 100 },
    ];
    for (const body of bad) {
      const response = await createLink(auth, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error).toMatchObject({ type: "invalid_request_error", message: expect.any(String) });
    }
    const db = await getDb();
    expect(await db.select().from(paymentLinks).where(eq(paymentLinks.merchantId, merchant.id))).toEqual([]);
  });

  it("hides another merchant's link", async () => {
    const owner = await createTestMerchant();
    const stranger = await createTestMerchant();
    const { body } = await createLink(owner.auth, { name: "Mine", currency: "USD", amount: 500 });
    const read = await callRoute(linkRoute.GET, { path: `/api/v1/payment-links/${body.id}`, headers: stranger.auth, params: { id: body.id } });
    expect(read.status).toBe(404);
    const off = await callRoute(deactivateRoute.POST, { path: `/api/v1/payment-links/${body.id}/deactivate`, headers: stranger.auth, params: { id: body.id }, body: {} });
    expect(off.status).toBe(404);
  });
});

describe("a payment link's public page", () => {
  it("makes a fresh intent for each visit of a fixed-price link, and counts what was paid through it", async () => {
    const { auth, merchant } = await createTestMerchant();
    const { body: link } = await createLink(auth, { name: "Gift card", currency: "USD", amount: 2500, success_url: "https://shop.example/thanks" });
    const first = await intentBehind(await visit(slugOf(link.url)));
    const second = await intentBehind(await visit(slugOf(link.url)));
    expect(first.id).not.toBe(second.id);
    expect(first).toMatchObject({ amount: 2500, currency: "USD", description: "Gift card", paymentLinkId: link.id, successUrl: "https://shop.example/thanks", dialect: "native" });
    expect(first.lineItems).toEqual([{ name: "Gift card", quantity: 1, unitAmount: 2500 }]);

    await payIntent(first.id);
    const db = await getDb();
    await refundIntent(db, merchant.id, first.id, { amount: 500 }, { type: "system" });
    expect(await linkTotals(db, merchant.id, link.id)).toEqual({ opened: 2, paid: 1, volumes: [{ currency: "USD", captured: 2500, refunded: 500, net: 2000 }] });
    const listed = await searchPayments(db, merchant.id, parsePaymentFilters({ link: link.id }));
    expect(listed.payments.map((payment) => payment.id).sort()).toEqual([first.id, second.id].sort());
  });

  it("asks for a quantity or an amount first, and refuses one outside the link's limits without making an intent", async () => {
    const { auth, merchant } = await createTestMerchant();
    const { body: beans } = await createLink(auth, { name: "Beans", currency: "EUR", line_items: [{ name: "Beans 250 g", quantity: 2, unit_amount: 600 }], max_quantity: 3 });
    const { body: tip } = await createLink(auth, { name: "Tip the barista", currency: "JPY", custom_amount: { minimum: 100, maximum: 5000 } });

    const asks = await visit(slugOf(beans.url), undefined, { "accept-language": "de-DE" });
    expect(asks.status).toBe(200);
    const page = await asks.text();
    expect(page).toContain('<html lang="de">');
    expect(page).toContain("Menge");
    expect(asks.headers.get("content-security-policy")).toContain("script-src 'self' 'nonce-");

    expect((await visit(slugOf(beans.url), { quantity: "4" })).status).toBe(422);
    expect((await visit(slugOf(tip.url), { amount: "99" })).status).toBe(422);
    expect((await visit(slugOf(tip.url), { amount: "12.5" })).status).toBe(422);
    const db = await getDb();
    expect(await db.select().from(paymentIntents).where(eq(paymentIntents.merchantId, merchant.id))).toEqual([]);

    const three = await intentBehind(await visit(slugOf(beans.url), { quantity: "3" }));
    expect(three).toMatchObject({ amount: 3600, currency: "EUR" });
    expect(three.lineItems).toEqual([{ name: "Beans 250 g", quantity: 6, unitAmount: 600 }]);
    const tipped = await intentBehind(await visit(slugOf(tip.url), { amount: "1500" }));
    expect(tipped).toMatchObject({ amount: 1500, currency: "JPY", successUrl: null, cancelUrl: null });
  });

  it("says honestly that a deactivated link is off, with 410, and makes no intent; an unknown one is 404", async () => {
    const { auth, merchant } = await createTestMerchant("Northwind Coffee");
    const { body: link } = await createLink(auth, { name: "Old offer", currency: "USD", amount: 900 });
    await callRoute(deactivateRoute.POST, { path: `/api/v1/payment-links/${link.id}/deactivate`, headers: auth, params: { id: link.id }, body: {} });
    for (const response of [await visit(slugOf(link.url)), await visit(slugOf(link.url), { quantity: "1" })]) {
      expect(response.status).toBe(410);
      expect(await response.text()).toContain("Northwind Coffee has turned this link off");
    }
    const db = await getDb();
    expect(await db.select().from(paymentIntents).where(eq(paymentIntents.merchantId, merchant.id))).toEqual([]);
    expect((await visit("nosuchlink")).status).toBe(404);
    expect((await visit("../../etc")).status).toBe(404);
  });

  it("answers a HEAD without making an intent, and a link priced below a minimum raised since as off", async () => {
    const { auth, merchant } = await createTestMerchant();
    const { body: link } = await createLink(auth, { name: "Sticker", currency: "USD", amount: 300 });
    const slug = slugOf(link.url);
    const head = await publicLink.HEAD(new Request(`http://kassa.test/l/${slug}`, { method: "HEAD" }), { params: Promise.resolve({ slug }) });
    expect(head.status).toBe(200);
    const db = await getDb();
    expect(await db.select().from(paymentIntents).where(eq(paymentIntents.merchantId, merchant.id))).toEqual([]);

    await db.update(merchants).set({ minimumAmounts: { USD: 500 } }).where(eq(merchants.id, merchant.id));
    // GET, a POST (a stale form, a bot) and HEAD alike: the link is off, and nothing is made.
    expect((await visit(slug)).status).toBe(410);
    expect((await visit(slug, {})).status).toBe(410);
    const headRaised = await publicLink.HEAD(new Request(`http://kassa.test/l/${slug}`, { method: "HEAD" }), { params: Promise.resolve({ slug }) });
    expect(headRaised.status).toBe(410);
    expect(await db.select().from(paymentIntents).where(eq(paymentIntents.merchantId, merchant.id))).toEqual([]);
  });

  it("asks only for what can be paid once the merchant's minimum rose: a quantity or an amount from the new minimum", async () => {
    const { auth, merchant } = await createTestMerchant();
    const { body: pack } = await createLink(auth, { name: "Stickers", currency: "USD", amount: 300, max_quantity: 5 });
    const { body: tip } = await createLink(auth, { name: "Tip", currency: "USD", custom_amount: { minimum: 100, maximum: 2000 } });
    const db = await getDb();
    await db.update(merchants).set({ minimumAmounts: { USD: 500 } }).where(eq(merchants.id, merchant.id));

    const packPage = await (await visit(slugOf(pack.url))).text();
    expect(packPage).toContain('min="2"');
    const tooFew = await visit(slugOf(pack.url), { quantity: "1" });
    expect(tooFew.status).toBe(422);
    expect(await tooFew.text()).toContain("Choose a quantity from 2 to 5.");
    expect((await intentBehind(await visit(slugOf(pack.url), { quantity: "2" }))).amount).toBe(600);

    const tooLittle = await visit(slugOf(tip.url), { amount: "2.00" });
    expect(tooLittle.status).toBe(422);
    expect(await tooLittle.text()).toContain("Enter an amount from $5.00 to $20.00.");
    expect((await intentBehind(await visit(slugOf(tip.url), { amount: "5.00" }))).amount).toBe(500);
  });
});
