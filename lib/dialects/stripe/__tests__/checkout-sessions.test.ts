import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { subscriptions } from "@/db/schema";
import { successRedirect, cancelRedirect } from "@/lib/checkout/redirect-urls";
import { getIntent } from "@/lib/intents/get-intent";
import { renewDueSubscriptions } from "@/lib/subscriptions/renew-due-subscriptions";
import { payIntent } from "@/lib/testing/fixtures";
import { startStripeWorld } from "@/lib/testing/stripe-client";

/**
 * Stripe Checkout, driven by the official `stripe` package over HTTP: sessions created, paid on
 * Kassa's page (here by the same call the page's form makes), and told of by webhooks that
 * stripe.webhooks.constructEvent accepts.
 */
let world: Awaited<ReturnType<typeof startStripeWorld>>;
beforeAll(async () => {
  world = await startStripeWorld();
});
afterAll(() => world.close());

const tShirt = { price_data: { currency: "usd", unit_amount: 2000, product_data: { name: "T-shirt" } }, quantity: 2 };
const intentOf = (session: { payment_intent: unknown }) => String(session.payment_intent);

describe("a Checkout Session", () => {
  it("is paid on Kassa's page: complete and paid, the buyer sent to success_url with the session id, checkout.session.completed signed", async () => {
    const { merchant, stripe, webhookSecret } = await world.merchant();
    const session = await stripe.checkout.sessions.create({
      mode: "payment",
      line_items: [tShirt],
      success_url: "https://shop.example/thanks?session_id={CHECKOUT_SESSION_ID}",
      cancel_url: "https://shop.example/cart?session_id={CHECKOUT_SESSION_ID}",
      client_reference_id: "order-1042",
      customer_email: "ada@example.com",
      metadata: { order: "1042" },
      payment_intent_data: { metadata: { order: "1042" } },
    });
    expect(session).toMatchObject({ object: "checkout.session", status: "open", payment_status: "unpaid", amount_total: 4000, currency: "usd", mode: "payment", livemode: false });
    expect(session.id).toMatch(/^cs_test_/);
    expect(session.url).toContain(`/pay/${intentOf(session)}?client_secret=`);

    const paid = await payIntent(intentOf(session));
    expect(paid.outcome).toBe("succeeded");
    const intent = await getIntent(await getDb(), merchant.merchant.id, intentOf(session));
    expect(successRedirect(intent)).toBe(`https://shop.example/thanks?session_id=${session.id}&payment_intent=${intent.id}`);
    expect(cancelRedirect(intent)).toBe(`https://shop.example/cart?session_id=${session.id}`);

    const retrieved = await stripe.checkout.sessions.retrieve(session.id, { expand: ["payment_intent"] });
    expect(retrieved).toMatchObject({ status: "complete", payment_status: "paid", url: null, client_reference_id: "order-1042", metadata: { order: "1042" } });
    expect(retrieved.customer_details?.email).toBe("ada@example.com");
    expect(retrieved.payment_intent).toMatchObject({ id: intent.id, object: "payment_intent", status: "succeeded", amount_received: 4000, metadata: { order: "1042" } });

    const items = await stripe.checkout.sessions.listLineItems(session.id);
    expect(items.data).toEqual([expect.objectContaining({ object: "item", quantity: 2, amount_total: 4000, description: "T-shirt", price: expect.objectContaining({ unit_amount: 2000, currency: "usd" }) })]);

    await world.deliver();
    const events = world.eventsFor(stripe, webhookSecret).filter((event) => JSON.stringify(event.data.object).includes(intent.id));
    expect(events.map((event) => event.type)).toEqual(["checkout.session.completed", "payment_intent.succeeded", "charge.succeeded"]);
    const completed = events[0]!.data.object as { id: string; payment_status: string; client_secret: unknown };
    expect(completed).toMatchObject({ id: session.id, payment_status: "paid", client_secret: null });
    // Stripe's own event object, retrievable by the id the webhook carried.
    expect(await stripe.events.retrieve(events[0]!.id)).toMatchObject({ id: events[0]!.id, type: "checkout.session.completed", object: "event" });
  });

  it("with manual capture: complete but unpaid until captured, then captured in part", async () => {
    const { merchant, stripe, webhookSecret } = await world.merchant();
    const session = await stripe.checkout.sessions.create({ mode: "payment", line_items: [tShirt], success_url: "https://shop.example/thanks", payment_intent_data: { capture_method: "manual" } });
    await payIntent(intentOf(session));
    expect(await stripe.checkout.sessions.retrieve(session.id)).toMatchObject({ status: "complete", payment_status: "unpaid" });
    expect(await stripe.paymentIntents.retrieve(intentOf(session))).toMatchObject({ status: "requires_capture", amount_capturable: 4000, capture_method: "manual" });

    const captured = await stripe.paymentIntents.capture(intentOf(session), { amount_to_capture: 2500 });
    expect(captured).toMatchObject({ status: "succeeded", amount_received: 2500, amount_capturable: 0 });
    expect(await stripe.checkout.sessions.retrieve(session.id)).toMatchObject({ payment_status: "paid" });

    await world.deliver();
    const types = world.eventsFor(stripe, webhookSecret).filter((event) => JSON.stringify(event.data.object).includes(intentOf(session))).map((event) => event.type);
    expect(types).toEqual(["checkout.session.completed", "payment_intent.amount_capturable_updated", "charge.succeeded", "payment_intent.succeeded", "charge.captured"]);
    void merchant;
  });

  it("expires on request: status expired, no url, checkout.session.expired; a second expire is refused", async () => {
    const { stripe, webhookSecret } = await world.merchant();
    const session = await stripe.checkout.sessions.create({ mode: "payment", line_items: [tShirt], success_url: "https://shop.example/thanks" });
    const expired = await stripe.checkout.sessions.expire(session.id);
    expect(expired).toMatchObject({ status: "expired", url: null, payment_status: "unpaid" });
    expect(await stripe.paymentIntents.retrieve(intentOf(session))).toMatchObject({ status: "canceled", cancellation_reason: "expired" });
    await expect(stripe.checkout.sessions.expire(session.id)).rejects.toMatchObject({ type: "StripeInvalidRequestError", statusCode: 400 });
    await expect(payIntent(intentOf(session))).rejects.toMatchObject({ code: "intent_unexpected_state", message: "This payment link has expired." });

    await world.deliver();
    const types = world.eventsFor(stripe, webhookSecret).filter((event) => JSON.stringify(event.data.object).includes(intentOf(session))).map((event) => event.type);
    expect(types).toEqual(["payment_intent.canceled", "checkout.session.expired"]);
  });

  it("in subscription mode runs on Kassa's billing: created, paid, and renewed a period later", async () => {
    const { merchant, stripe, webhookSecret } = await world.merchant();
    const product = await stripe.products.create({ name: "Coffee club" });
    const price = await stripe.prices.create({ product: product.id, currency: "eur", unit_amount: 1500, recurring: { interval: "month" } });
    const session = await stripe.checkout.sessions.create({ mode: "subscription", line_items: [{ price: price.id, quantity: 1 }], success_url: "https://shop.example/welcome" });
    expect(session).toMatchObject({ mode: "subscription", amount_total: 1500, currency: "eur", payment_intent: null });

    const db = await getDb();
    const intentId = (await db.query.paymentIntents.findFirst({ where: (intent, { and, eq }) => and(eq(intent.merchantId, merchant.merchant.id), sql`${intent.dialectData} ? 'checkout_session'`) }))!.id;
    await payIntent(intentId);
    const complete = await stripe.checkout.sessions.retrieve(session.id);
    expect(complete).toMatchObject({ status: "complete", payment_status: "paid" });
    expect(complete.subscription).toMatch(/^sub_/);
    const subscription = await db.query.subscriptions.findFirst({ where: eq(subscriptions.id, String(complete.subscription)) });
    expect(subscription).toMatchObject({ intervalDays: 30, amount: 1500, currency: "EUR", status: "active" });

    await db.update(subscriptions).set({ nextChargeAt: sql`now() - interval '1 second'` }).where(eq(subscriptions.id, subscription!.id));
    expect(await renewDueSubscriptions(db)).toBe(1);

    await world.deliver();
    const mine = world.eventsFor(stripe, webhookSecret).filter((event) => JSON.stringify(event.data.object).includes(subscription!.id) || JSON.stringify(event.data.object).includes(session.id));
    expect(mine.map((event) => event.type)).toEqual(["checkout.session.completed", "customer.subscription.created", "invoice.paid", "invoice.paid", "customer.subscription.updated"]);
    const [first, renewal] = mine.filter((event) => event.type === "invoice.paid").map((event) => event.data.object as unknown as { id: string; billing_reason: string; amount_paid: number; subscription: string });
    expect(first).toMatchObject({ billing_reason: "subscription_create", amount_paid: 1500, subscription: subscription!.id, parent: { subscription_details: { subscription: subscription!.id } } });
    expect(renewal).toMatchObject({ billing_reason: "subscription_cycle", amount_paid: 1500, subscription: subscription!.id });
    expect(renewal!.id).not.toBe(first!.id);
    const created = mine.find((event) => event.type === "customer.subscription.created")!.data.object as { items: { data: { price: { id: string; recurring: { interval: string } } }[] } };
    expect(created.items.data[0]!.price).toMatchObject({ id: price.id, recurring: { interval: "month" } });
  });

  it("in subscription mode tells of a declined renewal as invoice.payment_failed, the subscription past_due", async () => {
    const { merchant, stripe, webhookSecret } = await world.merchant();
    const session = await stripe.checkout.sessions.create({
      mode: "subscription",
      line_items: [{ price_data: { currency: "usd", unit_amount: 900, product_data: { name: "Weekly beans" }, recurring: { interval: "week" } }, quantity: 1 }],
    });
    const db = await getDb();
    const intentId = (await db.query.paymentIntents.findFirst({ where: (intent, { eq }) => eq(intent.merchantId, merchant.merchant.id) }))!.id;
    // Approved the first time, declined (51) on every renewal.
    await payIntent(intentId, "4000000000000341");
    const subscriptionId = String((await stripe.checkout.sessions.retrieve(session.id)).subscription);
    await db.update(subscriptions).set({ nextChargeAt: sql`now() - interval '1 second'` }).where(eq(subscriptions.id, subscriptionId));
    expect(await renewDueSubscriptions(db)).toBe(1);
    await world.deliver();
    const mine = world.eventsFor(stripe, webhookSecret).filter((event) => JSON.stringify(event.data.object).includes(subscriptionId));
    expect(mine.map((event) => event.type)).toEqual(["customer.subscription.created", "invoice.paid", "invoice.payment_failed", "customer.subscription.updated"]);
    expect(mine[2]!.data.object).toMatchObject({ object: "invoice", paid: false, billing_reason: "subscription_cycle", amount_due: 900 });
    expect(mine[3]!.data.object).toMatchObject({ object: "subscription", status: "past_due" });
  });

  it("embedded: a client secret instead of a url, and the buyer returns to return_url", async () => {
    const { merchant, stripe } = await world.merchant();
    const session = await stripe.checkout.sessions.create({ mode: "payment", ui_mode: "embedded", line_items: [tShirt], return_url: "https://shop.example/return?session_id={CHECKOUT_SESSION_ID}" });
    expect(session).toMatchObject({ ui_mode: "embedded", url: null, return_url: "https://shop.example/return?session_id={CHECKOUT_SESSION_ID}" });
    expect(session.client_secret).toMatch(/_secret_/);
    await payIntent(intentOf(session));
    const intent = await getIntent(await getDb(), merchant.merchant.id, intentOf(session));
    expect(successRedirect(intent)).toContain(`session_id=${session.id}`);
    expect(await stripe.checkout.sessions.retrieve(session.id)).toMatchObject({ status: "complete", client_secret: null });
  });

  it("refuses what Stripe refuses, and writes nothing", async () => {
    const { stripe } = await world.merchant();
    const refusals: [string, () => Promise<unknown>, string | null][] = [
      ["recurring price in payment mode", () => stripe.checkout.sessions.create({ mode: "payment", line_items: [{ price_data: { currency: "usd", unit_amount: 100, product_data: { name: "x" }, recurring: { interval: "month" } }, quantity: 1 }] }), "line_items[0]"],
      ["two currencies", () => stripe.checkout.sessions.create({ mode: "payment", line_items: [tShirt, { ...tShirt, price_data: { ...tShirt.price_data, currency: "eur" } }] }), "line_items[1]"],
      ["unknown price", () => stripe.checkout.sessions.create({ mode: "payment", line_items: [{ price: "price_nope", quantity: 1 }] }), "line_items[0][price]"],
      ["no line items", () => stripe.checkout.sessions.create({ mode: "payment" }), "line_items"],
      ["setup mode", () => stripe.checkout.sessions.create({ mode: "setup" }), "mode"],
      ["expiry too soon", () => stripe.checkout.sessions.create({ mode: "payment", line_items: [tShirt], expires_at: Math.floor(Date.now() / 1000) + 60 }), "expires_at"],
      ["unknown parameter", () => stripe.checkout.sessions.create({ mode: "payment", line_items: [tShirt], shipping_rates: ["shr_1"] } as never), "shipping_rates"],
    ];
    for (const [why, attempt, param] of refusals) {
      await expect(attempt(), why).rejects.toMatchObject({ type: "StripeInvalidRequestError", statusCode: 400, param });
    }
    expect((await stripe.checkout.sessions.list()).data).toEqual([]);
    await expect(stripe.checkout.sessions.retrieve("cs_test_nope")).rejects.toMatchObject({ type: "StripeInvalidRequestError", statusCode: 404, code: "resource_missing" });
  });

  it("lists newest first, a page after or before any session", async () => {
    const { stripe } = await world.merchant();
    const made = [];
    for (let index = 0; index < 5; index++) made.push(await stripe.checkout.sessions.create({ mode: "payment", line_items: [tShirt], success_url: "https://shop.example/thanks" }));
    const ids = made.map((session) => session.id).reverse();
    const first = await stripe.checkout.sessions.list({ limit: 2 });
    expect(first.data.map((session) => session.id)).toEqual(ids.slice(0, 2));
    expect(first.has_more).toBe(true);
    const next = await stripe.checkout.sessions.list({ limit: 2, starting_after: ids[1] });
    expect(next.data.map((session) => session.id)).toEqual(ids.slice(2, 4));
    const before = await stripe.checkout.sessions.list({ limit: 2, ending_before: ids[3] });
    expect(before.data.map((session) => session.id)).toEqual(ids.slice(1, 3));
    const all = [];
    for await (const session of stripe.checkout.sessions.list({ limit: 2 })) all.push(session.id);
    expect(all).toEqual(ids);
  });
});
