import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { paymentIntents } from "@/db/schema";
import { completeChallenge } from "@/lib/checkout/challenge-attempt";
import { getIntent } from "@/lib/intents/get-intent";
import { startStripeWorld } from "@/lib/testing/stripe-client";

/** PaymentIntents, refunds and Stripe's errors, through the official `stripe` package over HTTP. */
let world: Awaited<ReturnType<typeof startStripeWorld>>;
beforeAll(async () => {
  world = await startStripeWorld();
});
afterAll(() => world.close());

const typesFor = (events: Stripe.Event[], id: string) => events.filter((event) => JSON.stringify(event.data.object).includes(id)).map((event) => event.type);

describe("a PaymentIntent", () => {
  it("confirmed with pm_card_visa succeeds; its charge and refunds follow, charge.refunded is signed", async () => {
    const { stripe, webhookSecret } = await world.merchant();
    const created = await stripe.paymentIntents.create({ amount: 5000, currency: "usd", metadata: { order: "7" }, description: "Order 7" });
    expect(created).toMatchObject({ object: "payment_intent", status: "requires_payment_method", amount: 5000, currency: "usd", metadata: { order: "7" }, livemode: false });
    expect(created.client_secret).toMatch(new RegExp(`^${created.id}_secret_`));
    const confirmed = await stripe.paymentIntents.confirm(created.id, { payment_method: "pm_card_visa" }, { idempotencyKey: `confirm-${created.id}` });
    expect(confirmed).toMatchObject({ status: "succeeded", amount_received: 5000, last_payment_error: null });
    expect(confirmed.latest_charge).toMatch(/^ch_/);
    const withCharge = await stripe.paymentIntents.retrieve(created.id, { expand: ["latest_charge"] });
    expect(withCharge.latest_charge).toMatchObject({ object: "charge", status: "succeeded", paid: true, captured: true, amount: 5000, payment_method_details: { card: { brand: "visa", last4: "4242" } } });

    const partial = await stripe.refunds.create({ payment_intent: created.id, amount: 1500, reason: "requested_by_customer", metadata: { ticket: "42" } });
    expect(partial).toMatchObject({ object: "refund", amount: 1500, status: "succeeded", payment_intent: created.id, charge: confirmed.latest_charge, reason: "requested_by_customer", metadata: { ticket: "42" } });
    const rest = await stripe.refunds.create({ charge: String(confirmed.latest_charge) });
    expect(rest.amount).toBe(3500);
    await expect(stripe.refunds.create({ payment_intent: created.id, amount: 1 })).rejects.toMatchObject({ type: "StripeInvalidRequestError", code: "charge_already_refunded" });
    expect((await stripe.refunds.list({ payment_intent: created.id })).data.map((refund) => refund.id)).toEqual([rest.id, partial.id]);
    expect(await stripe.refunds.retrieve(partial.id)).toMatchObject({ id: partial.id, amount: 1500 });

    await world.deliver();
    const events = world.eventsFor(stripe, webhookSecret);
    expect(typesFor(events, created.id)).toEqual(["payment_intent.succeeded", "charge.succeeded", "charge.refunded", "refund.created", "charge.refunded", "refund.created"]);
    const refunded = events.find((event) => event.type === "charge.refunded")!.data.object as Stripe.Charge;
    expect(refunded).toMatchObject({ amount_refunded: 1500, refunded: false, payment_intent: created.id });
  });

  it("declined with 9995 raises StripeCardError; last_payment_error says insufficient_funds", async () => {
    const { stripe, webhookSecret } = await world.merchant();
    const error = await stripe.paymentIntents.create({ amount: 1200, currency: "eur", payment_method: "pm_card_chargeDeclinedInsufficientFunds", confirm: true }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Stripe.errors.StripeCardError);
    const card = error as Stripe.errors.StripeCardError;
    expect(card).toMatchObject({ statusCode: 402, code: "card_declined", decline_code: "insufficient_funds", message: "Your card has insufficient funds." });
    const id = card.payment_intent!.id;
    const intent = await stripe.paymentIntents.retrieve(id);
    expect(intent.status).toBe("requires_payment_method");
    expect(intent.last_payment_error).toMatchObject({ type: "card_error", code: "card_declined", decline_code: "insufficient_funds" });

    const generic = await stripe.paymentIntents.confirm(id, { payment_method: "pm_card_chargeDeclined" }).catch((caught: Stripe.errors.StripeCardError) => caught);
    expect(generic).toMatchObject({ decline_code: "generic_decline" });
    const raw = await stripe.paymentIntents.confirm(id, { payment_method_data: { type: "card", card: { number: "4000000000000069", exp_month: 12, exp_year: 2031, cvc: "123" } } } as never).catch((caught: Stripe.errors.StripeCardError) => caught);
    expect(raw).toMatchObject({ code: "expired_card", decline_code: "expired_card" });
    const paid = await stripe.paymentIntents.confirm(id, { payment_method: "pm_card_mastercard" });
    expect(paid).toMatchObject({ status: "succeeded", last_payment_error: null });

    await world.deliver();
    expect(typesFor(world.eventsFor(stripe, webhookSecret), id)).toEqual([
      "payment_intent.payment_failed", "charge.failed", "payment_intent.payment_failed", "charge.failed", "payment_intent.payment_failed", "charge.failed",
      "payment_intent.succeeded", "charge.succeeded",
    ]);
  });

  it("asks for 3-D Secure: requires_action with a redirect to the bank's page, then succeeds once the buyer authenticates", async () => {
    const { merchant, stripe } = await world.merchant();
    const intent = await stripe.paymentIntents.create({ amount: 9900, currency: "gbp" });
    const pending = await stripe.paymentIntents.confirm(intent.id, { payment_method: "pm_card_authenticationRequired", return_url: "https://shop.example/after-3ds" });
    expect(pending.status).toBe("requires_action");
    expect(pending.next_action).toMatchObject({ type: "redirect_to_url", redirect_to_url: { return_url: "https://shop.example/after-3ds" } });
    expect(pending.next_action!.redirect_to_url!.url).toContain(`/pay/${intent.id}/challenge?client_secret=`);

    const stored = await getIntent(await getDb(), merchant.merchant.id, intent.id);
    await completeChallenge(await getDb(), { intentId: intent.id, clientSecret: stored.clientSecret, authenticated: true });
    expect(await stripe.paymentIntents.retrieve(intent.id)).toMatchObject({ status: "succeeded", next_action: null });
  });

  it("with manual capture: requires_capture, captured in part; canceling an authorization releases it", async () => {
    const { stripe } = await world.merchant();
    const held = await stripe.paymentIntents.create({ amount: 8000, currency: "usd", capture_method: "manual", payment_method: "pm_card_visa", confirm: true });
    expect(held).toMatchObject({ status: "requires_capture", amount_capturable: 8000, amount_received: 0 });
    await expect(stripe.paymentIntents.capture(held.id, { amount_to_capture: 9000 })).rejects.toMatchObject({ type: "StripeInvalidRequestError" });
    expect(await stripe.paymentIntents.capture(held.id, { amount_to_capture: 6000 })).toMatchObject({ status: "succeeded", amount_received: 6000 });

    const other = await stripe.paymentIntents.create({ amount: 3000, currency: "usd", capture_method: "manual", payment_method: "pm_card_visa", confirm: true });
    expect(await stripe.paymentIntents.cancel(other.id)).toMatchObject({ status: "canceled", amount_capturable: 0 });
    await expect(stripe.paymentIntents.capture(other.id)).rejects.toMatchObject({ code: "payment_intent_unexpected_state" });
  });

  it("updates and cancels as Stripe does: metadata merged and unset, amount fixed once paid", async () => {
    const { stripe } = await world.merchant();
    const intent = await stripe.paymentIntents.create({ amount: 1000, currency: "usd", metadata: { a: "1", b: "2" }, payment_method: "pm_card_visa" });
    expect(intent.status).toBe("requires_confirmation");
    const updated = await stripe.paymentIntents.update(intent.id, { amount: 1500, metadata: { b: "", c: "3" }, description: "Bigger" });
    expect(updated).toMatchObject({ amount: 1500, metadata: { a: "1", c: "3" }, description: "Bigger" });
    const paid = await stripe.paymentIntents.confirm(intent.id);
    expect(paid).toMatchObject({ status: "succeeded", amount_received: 1500 });
    await expect(stripe.paymentIntents.update(intent.id, { amount: 2000 })).rejects.toMatchObject({ type: "StripeInvalidRequestError", code: "payment_intent_unexpected_state" });
    await expect(stripe.paymentIntents.cancel(intent.id)).rejects.toMatchObject({ code: "payment_intent_unexpected_state" });

    const abandoned = await stripe.paymentIntents.create({ amount: 700, currency: "usd" });
    expect(await stripe.paymentIntents.cancel(abandoned.id, { cancellation_reason: "abandoned" })).toMatchObject({ status: "canceled", cancellation_reason: "abandoned" });
  });
});

describe("Stripe's errors and retries, as the SDK raises them", () => {
  it("StripeInvalidRequestError for a missing, unknown or malformed parameter and an unknown object; StripeAuthenticationError for a bad key", async () => {
    const { stripe } = await world.merchant();
    await expect(stripe.paymentIntents.create({ currency: "usd" } as never)).rejects.toMatchObject({ type: "StripeInvalidRequestError", statusCode: 400, code: "parameter_missing", param: "amount" });
    await expect(stripe.paymentIntents.create({ amount: 100, currency: "usd", colour: "red" } as never)).rejects.toMatchObject({ code: "parameter_unknown", param: "colour" });
    await expect(stripe.paymentIntents.create({ amount: "ten" as never, currency: "usd" })).rejects.toMatchObject({ param: "amount", statusCode: 400 });
    await expect(stripe.paymentIntents.retrieve("pi_nope")).rejects.toMatchObject({ statusCode: 404, code: "resource_missing", message: "No such payment_intent: 'pi_nope'" });
    await expect(stripe.paymentIntents.confirm((await stripe.paymentIntents.create({ amount: 100, currency: "usd" })).id, { payment_method: "pm_nope" })).rejects.toMatchObject({ statusCode: 400, code: "resource_missing", param: "payment_method" });
    await expect(world.client("sk_test_not_a_key").paymentIntents.list()).rejects.toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
  });

  it("takes the key as a Basic auth user, as other Stripe clients send it, and echoes Stripe-Version", async () => {
    const { merchant } = await world.merchant();
    const response = await fetch(`${world.server.url}/v1/payment_intents?limit=1`, {
      headers: { authorization: `Basic ${Buffer.from(`${merchant.secretKey}:`).toString("base64")}`, "stripe-version": "2024-06-20" },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("stripe-version")).toBe("2024-06-20");
    expect(response.headers.get("request-id")).toMatch(/^req_/);
    expect(await response.json()).toMatchObject({ object: "list", data: [], has_more: false, url: "/v1/payment_intents" });
  });

  it("replays the same Idempotency-Key and refuses it with another body (StripeIdempotencyError)", async () => {
    const { stripe } = await world.merchant();
    const first = await stripe.paymentIntents.create({ amount: 2500, currency: "usd" }, { idempotencyKey: "order-9" });
    const again = await stripe.paymentIntents.create({ amount: 2500, currency: "usd" }, { idempotencyKey: "order-9" });
    expect(again.id).toBe(first.id);
    expect(again.lastResponse.headers["idempotent-replayed"]).toBe("true");
    await expect(stripe.paymentIntents.create({ amount: 2600, currency: "usd" }, { idempotencyKey: "order-9" })).rejects.toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
  });

  it("makes concurrent duplicates wait for the first and answer as it did", async () => {
    const { merchant, stripe } = await world.merchant();
    const sessions = await Promise.all(
      Array.from({ length: 8 }, () =>
        stripe.checkout.sessions.create({ mode: "payment", line_items: [{ price_data: { currency: "usd", unit_amount: 700, product_data: { name: "Tea" } }, quantity: 1 }] }, { idempotencyKey: "cart-77" }),
      ),
    );
    expect(new Set(sessions.map((session) => session.id)).size).toBe(1);
    const paid = await Promise.all(Array.from({ length: 8 }, () => stripe.paymentIntents.create({ amount: 1100, currency: "usd", payment_method: "pm_card_visa", confirm: true }, { idempotencyKey: "pay-77" })));
    expect(new Set(paid.map((intent) => intent.id)).size).toBe(1);
    const db = await getDb();
    const { eq } = await import("drizzle-orm");
    expect(await db.select().from(paymentIntents).where(eq(paymentIntents.merchantId, merchant.merchant.id))).toHaveLength(2);
  });

  it("makes one object when the SDK retries on its own after losing the answer", async () => {
    const { merchant } = await world.merchant();
    const http = Stripe.createNodeHttpClient();
    let dropped = 0;
    const sent: string[] = [];
    const flaky = Object.assign(Object.create(Object.getPrototypeOf(http)), http, {
      makeRequest: async (...args: Parameters<typeof http.makeRequest>) => {
        sent.push(String(args[4]["Idempotency-Key"]));
        const response = await http.makeRequest(...args);
        // Kassa did the work and answered; the network lost the answer.
        if (args[3] === "POST" && dropped++ === 0) throw Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
        return response;
      },
    });
    const stripe = world.client(merchant.secretKey, { httpClient: flaky, maxNetworkRetries: 2 });
    const session = await stripe.checkout.sessions.create({ mode: "payment", line_items: [{ price_data: { currency: "usd", unit_amount: 999, product_data: { name: "Mug" } }, quantity: 1 }] });
    const paid = await stripe.paymentIntents.create({ amount: 4200, currency: "usd", payment_method: "pm_card_visa", confirm: true });
    expect(sent.filter((key) => key.startsWith("stripe-node-retry-"))).toHaveLength(3);
    expect(new Set(sent).size).toBe(2);
    const db = await getDb();
    const rows = await db.select().from(paymentIntents).where((await import("drizzle-orm")).eq(paymentIntents.merchantId, merchant.merchant.id));
    expect(rows.map((row) => row.id).sort()).toEqual([String(session.payment_intent), paid.id].sort());
    expect(paid.status).toBe("succeeded");
  });
});

describe("Stripe's other objects", () => {
  it("products, prices and customers: created, retrieved, updated, listed by filter", async () => {
    const { stripe } = await world.merchant();
    const product = await stripe.products.create({ name: "Beans", description: "250 g", metadata: { roast: "light" } });
    expect(await stripe.products.retrieve(product.id)).toMatchObject({ name: "Beans", description: "250 g", active: true, metadata: { roast: "light" } });
    expect(await stripe.products.update(product.id, { active: false, metadata: { roast: "" } })).toMatchObject({ active: false, metadata: {} });
    const own = await stripe.products.create({ id: "beans-dark", name: "Dark beans" });
    expect(own.id).toBe("beans-dark");
    await expect(stripe.products.create({ id: "beans-dark", name: "Again" })).rejects.toMatchObject({ param: "id" });
    expect((await stripe.products.list({ active: true })).data.map((item) => item.id)).toEqual(["beans-dark"]);

    const price = await stripe.prices.create({ product: own.id, currency: "usd", unit_amount: 1250, nickname: "Bag" });
    expect(price).toMatchObject({ object: "price", type: "one_time", unit_amount: 1250, product: own.id, recurring: null });
    // The SDK reads unit_amount_decimal into its own Decimal.
    expect(String(price.unit_amount_decimal)).toBe("1250");
    const inline = await stripe.prices.create({ product_data: { name: "Club" }, currency: "usd", unit_amount: 900, recurring: { interval: "week", interval_count: 2 } });
    expect(inline).toMatchObject({ type: "recurring", recurring: { interval: "week", interval_count: 2 } });
    expect((await stripe.prices.list({ product: own.id })).data.map((item) => item.id)).toEqual([price.id]);
    await stripe.prices.update(price.id, { active: false });
    await expect(stripe.checkout.sessions.create({ mode: "payment", line_items: [{ price: price.id, quantity: 1 }] })).rejects.toMatchObject({ param: "line_items[0][price]" });

    const customer = await stripe.customers.create({ email: "grace@example.com", name: "Grace" });
    expect(await stripe.customers.update(customer.id, { phone: "+15550100" })).toMatchObject({ email: "grace@example.com", phone: "+15550100" });
    expect((await stripe.customers.list({ email: "grace@example.com" })).data.map((item) => item.id)).toEqual([customer.id]);
    const session = await stripe.checkout.sessions.create({ mode: "payment", customer: customer.id, line_items: [{ price_data: { currency: "usd", unit_amount: 500, product: own.id }, quantity: 3 }] });
    expect(session).toMatchObject({ customer: customer.id, amount_total: 1500 });
    expect((await stripe.checkout.sessions.listLineItems(session.id)).data[0]).toMatchObject({ description: "Dark beans", quantity: 3 });
    expect((await stripe.checkout.sessions.list({ customer: customer.id })).data.map((item) => item.id)).toEqual([session.id]);
  });

  it("webhook endpoints: the secret once (and on a replay), enabled events, disabled, deleted", async () => {
    const { stripe } = await world.merchant();
    const endpoint = await stripe.webhookEndpoints.create({ url: world.receiver.url, enabled_events: ["checkout.session.completed", "charge.refunded"], metadata: { env: "ci" } }, { idempotencyKey: "hook-1" });
    expect(endpoint).toMatchObject({ object: "webhook_endpoint", status: "enabled", enabled_events: ["checkout.session.completed", "charge.refunded"], metadata: { env: "ci" } });
    expect(endpoint.secret).toMatch(/^whsec_/);
    const replay = await stripe.webhookEndpoints.create({ url: world.receiver.url, enabled_events: ["checkout.session.completed", "charge.refunded"], metadata: { env: "ci" } }, { idempotencyKey: "hook-1" });
    expect(replay).toMatchObject({ id: endpoint.id, secret: endpoint.secret });
    const fetched = await stripe.webhookEndpoints.retrieve(endpoint.id);
    expect(fetched.secret).toBeUndefined();
    expect(await stripe.webhookEndpoints.update(endpoint.id, { disabled: true, enabled_events: ["*"] })).toMatchObject({ status: "disabled", enabled_events: ["*"] });
    expect((await stripe.webhookEndpoints.list()).data.map((item) => item.id)).toContain(endpoint.id);
    expect(await stripe.webhookEndpoints.del(endpoint.id)).toMatchObject({ id: endpoint.id, deleted: true });
    await expect(stripe.webhookEndpoints.retrieve(endpoint.id)).rejects.toMatchObject({ statusCode: 404 });
  });

  it("an endpoint hears only the event types it enabled, and events list newest first by type", async () => {
    const { stripe } = await world.merchant();
    const narrow = await stripe.webhookEndpoints.create({ url: world.receiver.url, enabled_events: ["charge.succeeded"] });
    const intent = await stripe.paymentIntents.create({ amount: 3100, currency: "usd", payment_method: "pm_card_visa", confirm: true });
    await world.deliver();
    expect(typesFor(world.eventsFor(stripe, narrow.secret!), intent.id)).toEqual(["charge.succeeded"]);

    const all = await stripe.events.list({ limit: 100 });
    expect(all.data.map((event) => event.type)).toEqual(["charge.succeeded", "payment_intent.succeeded"]);
    expect((await stripe.events.list({ type: "payment_intent.*" })).data.map((event) => event.type)).toEqual(["payment_intent.succeeded"]);
    expect((await stripe.events.list({ limit: 1, starting_after: all.data[0]!.id })).data.map((event) => event.id)).toEqual([all.data[1]!.id]);
    expect((await stripe.events.list({ limit: 1, ending_before: all.data[1]!.id })).data.map((event) => event.id)).toEqual([all.data[0]!.id]);
    await expect(stripe.events.retrieve("evt_nope")).rejects.toMatchObject({ statusCode: 404 });
  });
});

describe("what a careless or hostile client sends", () => {
  it("a create-and-confirm whose card cannot be one leaves no PaymentIntent behind", async () => {
    const { merchant, stripe } = await world.merchant();
    const card = (number: string) => ({ type: "card", card: { number, exp_month: 12, exp_year: 2031, cvc: "123" } });
    await expect(stripe.paymentIntents.create({ amount: 900, currency: "usd", confirm: true, payment_method_data: card("4242424242424241") } as never)).rejects.toMatchObject({ statusCode: 402, code: "invalid_number" });
    await expect(stripe.paymentIntents.create({ amount: 900, currency: "usd", confirm: true, payment_method: "pm_card_unknown" })).rejects.toMatchObject({ statusCode: 400, code: "resource_missing" });
    await expect(stripe.paymentIntents.create({ amount: 900, currency: "usd", payment_method_data: card("4242424242424242") } as never)).rejects.toMatchObject({ param: "payment_method_data" });
    for (const name of ["toString", "__proto__", "hasOwnProperty"]) {
      await expect(stripe.paymentIntents.create({ amount: 900, currency: "usd", confirm: true, payment_method: name })).rejects.toMatchObject({ statusCode: 400, param: "payment_method" });
    }
    await expect(stripe.paymentIntents.create({ amount: 900, currency: "xyz" })).rejects.toMatchObject({ statusCode: 400, param: "currency" });
    await expect(stripe.paymentIntents.create({ amount: 900, currency: "usd", customer: "cus_nope" })).rejects.toMatchObject({ statusCode: 400, param: "customer" });
    const db = await getDb();
    const { eq } = await import("drizzle-orm");
    expect(await db.select().from(paymentIntents).where(eq(paymentIntents.merchantId, merchant.merchant.id))).toEqual([]);
  });

  it("a session worth more than one payment can be, a partial wildcard, both cursors: refused", async () => {
    const { stripe } = await world.merchant();
    await expect(
      stripe.checkout.sessions.create({ mode: "payment", line_items: [{ price_data: { currency: "usd", unit_amount: 99_999_999, product_data: { name: "Yacht" } }, quantity: 10_000 }] }),
    ).rejects.toMatchObject({ statusCode: 400, param: "line_items[0]" });
    await expect(stripe.webhookEndpoints.create({ url: world.receiver.url, enabled_events: ["payment_intent.*" as never] })).rejects.toMatchObject({ statusCode: 400 });
    await expect(stripe.paymentIntents.list({ starting_after: "pi_a", ending_before: "pi_b" })).rejects.toMatchObject({ statusCode: 400, param: "ending_before" });
    const session = await stripe.checkout.sessions.create({ mode: "payment", line_items: [{ price_data: { currency: "usd", unit_amount: 100, product_data: { name: "Pin" } }, quantity: 1 }] });
    await expect(stripe.checkout.sessions.listLineItems(session.id, { starting_after: "li_nope" })).rejects.toMatchObject({ statusCode: 400, code: "resource_missing" });
  });

  it("metadata changed by two requests at once keeps both changes", async () => {
    const { stripe } = await world.merchant();
    const intent = await stripe.paymentIntents.create({ amount: 100, currency: "usd", metadata: { keep: "1" } });
    await Promise.all(Array.from({ length: 10 }, (_, index) => stripe.paymentIntents.update(intent.id, { metadata: { [`k${index}`]: String(index) } })));
    const metadata = (await stripe.paymentIntents.retrieve(intent.id)).metadata;
    expect(Object.keys(metadata).sort()).toEqual(["k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9", "keep"]);
    const product = await stripe.products.create({ name: "Cup" });
    await Promise.all([stripe.products.update(product.id, { metadata: { a: "1" } }), stripe.products.update(product.id, { metadata: { b: "2" } })]);
    expect((await stripe.products.retrieve(product.id)).metadata).toEqual({ a: "1", b: "2" });
  });

  it("product ids merchants choose are theirs alone: another merchant may use the same one", async () => {
    const [first, second] = await Promise.all([world.merchant(), world.merchant()]);
    await first.stripe.products.create({ id: "espresso", name: "Espresso" });
    expect(await second.stripe.products.create({ id: "espresso", name: "Their espresso" })).toMatchObject({ id: "espresso", name: "Their espresso" });
    expect((await first.stripe.products.retrieve("espresso")).name).toBe("Espresso");
  });

  it("an endpoint made through Stripe's API hears only Stripe events; one made through Kassa's hears every dialect", async () => {
    const { merchant, stripe, webhookSecret } = await world.merchant();
    const { callRoute } = await import("@/lib/testing/call-route");
    const nativeEndpoints = await import("@/app/api/v1/webhook-endpoints/route");
    const nativeIntents = await import("@/app/api/v1/payment-intents/route");
    const nativeCancel = await import("@/app/api/v1/payment-intents/[id]/cancel/route");
    const { validIntent } = await import("@/lib/testing/fixtures");
    const own = await callRoute(nativeEndpoints.POST, { path: "/api/v1/webhook-endpoints", headers: merchant.auth, body: { url: `${world.receiver.url}?native` } });
    const { body: native } = await callRoute(nativeIntents.POST, { path: "/api/v1/payment-intents", headers: merchant.auth, body: validIntent });
    await callRoute(nativeCancel.POST, { path: `/api/v1/payment-intents/${native.id}/cancel`, headers: merchant.auth, params: { id: native.id }, body: {} });
    const stripeIntent = await stripe.paymentIntents.create({ amount: 100, currency: "usd" });
    await stripe.paymentIntents.cancel(stripeIntent.id);
    await world.deliver();
    const about = (id: string) => world.receiver.received.filter((hook) => hook.body.includes(id));
    expect(about(native.id).map((hook) => hook.headers["stripe-signature"] === undefined)).toEqual([true]);
    expect(typesFor(world.eventsFor(stripe, webhookSecret), stripeIntent.id)).toEqual(["payment_intent.canceled"]);
    expect(about(stripeIntent.id)).toHaveLength(2);
    expect(own.status).toBe(201);
  });
});
