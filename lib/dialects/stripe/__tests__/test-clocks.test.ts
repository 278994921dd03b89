import { eq } from "drizzle-orm";
import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { paymentIntents, subscriptions } from "@/db/schema";
import { createApiKey } from "@/lib/accounts/create-api-key";
import { setAcquirer } from "@/lib/accounts/set-acquirer";
import { payIntent } from "@/lib/testing/fixtures";
import { startStripeWorld } from "@/lib/testing/stripe-client";

/** Stripe's test clocks, driven by the official `stripe` package: a subscription's months in one call. */
let world: Awaited<ReturnType<typeof startStripeWorld>>;
beforeAll(async () => {
  world = await startStripeWorld();
});
afterAll(() => world.close());

const DAY = 24 * 3600;

describe("Stripe test clocks", () => {
  it("a customer on a clock subscribes through Checkout; advancing 95 days bills three renewals, each told at the clock's time", async () => {
    const { merchant, stripe, webhookSecret } = await world.merchant();
    const start = Math.floor(Date.parse("2027-09-01T00:00:00Z") / 1000);
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: start, name: "Coffee club" });
    expect(clock).toMatchObject({ object: "test_helpers.test_clock", frozen_time: start, status: "ready", livemode: false, name: "Coffee club" });
    const customer = await stripe.customers.create({ email: "ada@example.com", test_clock: clock.id });
    expect(customer.test_clock).toBe(clock.id);

    const session = await stripe.checkout.sessions.create({
      mode: "subscription",
      customer: customer.id,
      line_items: [{ price_data: { currency: "eur", unit_amount: 1500, product_data: { name: "Beans" }, recurring: { interval: "month" } }, quantity: 1 }],
      success_url: "https://shop.example/welcome",
    });
    const db = await getDb();
    const [intent] = await db.select().from(paymentIntents).where(eq(paymentIntents.merchantId, merchant.merchant.id));
    expect(intent!.testClockId).toBe(clock.id);
    await payIntent(intent!.id);
    const complete = await stripe.checkout.sessions.retrieve(session.id);
    expect(complete.created).toBe(start);

    const advanced = await stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: start + 95 * DAY });
    expect(advanced).toMatchObject({ frozen_time: start + 95 * DAY, status: "ready" });
    expect((await stripe.testHelpers.testClocks.retrieve(clock.id)).frozen_time).toBe(start + 95 * DAY);

    const [subscription] = await db.select().from(subscriptions).where(eq(subscriptions.id, String(complete.subscription)));
    expect(subscription!.nextPeriod).toBe(5);
    await world.deliver();
    const renewals = world
      .eventsFor(stripe, webhookSecret)
      .filter((event) => event.type === "invoice.paid" && (event.data.object as { billing_reason?: string }).billing_reason === "subscription_cycle")
      .map((event) => event.created)
      .sort();
    expect(renewals).toEqual([30, 60, 90].map((days) => start + days * DAY));

    const created = world.eventsFor(stripe, webhookSecret).find((event) => event.type === "customer.subscription.created");
    expect((created!.data.object as { test_clock: string | null }).test_clock).toBe(clock.id);

    const listed = await stripe.testHelpers.testClocks.list({ limit: 1 });
    expect(listed.data.map((each: Stripe.TestHelpers.TestClock) => each.id)).toEqual([clock.id]);
    expect(await stripe.testHelpers.testClocks.del(clock.id)).toMatchObject({ id: clock.id, deleted: true });
  });

  it("refuses a clock in the past of the clock, an unknown clock on a customer, and a live key", async () => {
    const { merchant, stripe } = await world.merchant();
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: 1_800_000_000 });
    await expect(stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: 1_700_000_000 })).rejects.toMatchObject({ statusCode: 400, type: "StripeInvalidRequestError", param: "frozen_time" });
    await expect(stripe.customers.create({ test_clock: "clock_nope" })).rejects.toMatchObject({ statusCode: 400, code: "resource_missing", param: "test_clock" });

    const db = await getDb();
    await setAcquirer(db, merchant.merchant.id, { type: "stripe", secret_key: "sk_live_never_called_0123456789", webhook_secret: "whsec_never_called_0123456789" });
    const { secretKey } = await createApiKey(db, merchant.merchant.id, { label: "live", mode: "live" });
    const live = world.client(secretKey);
    await expect(live.testHelpers.testClocks.create({ frozen_time: 1_800_000_000 })).rejects.toMatchObject({ statusCode: 403 });
    await expect(live.testHelpers.testClocks.retrieve(clock.id)).rejects.toMatchObject({ statusCode: 403 });
  });

  it("pages its list as the SDK's auto-pagination walks it, and a deleted clock is gone, with its customers", async () => {
    const { stripe } = await world.merchant();
    const made: string[] = [];
    for (let index = 0; index < 5; index++) made.push((await stripe.testHelpers.testClocks.create({ frozen_time: 1_800_000_000 + index, name: `clock ${index}` })).id);
    const first = await stripe.testHelpers.testClocks.list({ limit: 2 });
    expect(first).toMatchObject({ object: "list", has_more: true, url: "/v1/test_helpers/test_clocks" });
    const all = await stripe.testHelpers.testClocks.list({ limit: 2 }).autoPagingToArray({ limit: 100 });
    expect(all.map((clock) => clock.id)).toEqual([...made].reverse());
    const back = await stripe.testHelpers.testClocks.list({ limit: 2, ending_before: made[1]! });
    expect(back.data.map((clock) => clock.id)).toEqual([made[3], made[2]]);

    const customer = await stripe.customers.create({ test_clock: made[0]! });
    await stripe.testHelpers.testClocks.del(made[0]!);
    await expect(stripe.testHelpers.testClocks.retrieve(made[0]!)).rejects.toMatchObject({ statusCode: 404 });
    expect((await stripe.testHelpers.testClocks.list({ limit: 100 })).data.map((clock) => clock.id)).not.toContain(made[0]);
    await expect(
      stripe.paymentIntents.create({ amount: 500, currency: "usd", customer: customer.id }),
    ).rejects.toMatchObject({ statusCode: 400, code: "resource_missing", param: "customer" });
  });

  it("puts a PaymentIntent for a customer on a clock on the clock's time", async () => {
    const { stripe } = await world.merchant();
    const start = 1_830_000_000;
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: start });
    const customer = await stripe.customers.create({ test_clock: clock.id });
    const intent = await stripe.paymentIntents.create({ amount: 700, currency: "usd", customer: customer.id, payment_method: "pm_card_visa", confirm: true });
    expect(intent).toMatchObject({ status: "succeeded", created: start });
    const db = await getDb();
    const [stored] = await db.select().from(paymentIntents).where(eq(paymentIntents.id, intent.id));
    expect(stored!.testClockId).toBe(clock.id);
  });

  it("refuses a name longer than a clock keeps, another merchant's clock, and a live key on every clock call", async () => {
    const { merchant, stripe } = await world.merchant();
    const other = await world.merchant();
    await expect(stripe.testHelpers.testClocks.create({ frozen_time: 1_800_000_000, name: "x".repeat(201) })).rejects.toMatchObject({ statusCode: 400, param: "name" });
    const theirs = await other.stripe.testHelpers.testClocks.create({ frozen_time: 1_800_000_000 });
    await expect(stripe.customers.create({ test_clock: theirs.id })).rejects.toMatchObject({ statusCode: 400, code: "resource_missing", param: "test_clock" });
    await expect(stripe.testHelpers.testClocks.advance(theirs.id, { frozen_time: 1_800_000_100 })).rejects.toMatchObject({ statusCode: 404 });

    const mine = await stripe.testHelpers.testClocks.create({ frozen_time: 1_800_000_000 });
    const db = await getDb();
    await setAcquirer(db, merchant.merchant.id, { type: "stripe", secret_key: "sk_live_never_called_0123456789", webhook_secret: "whsec_never_called_0123456789" });
    const { secretKey } = await createApiKey(db, merchant.merchant.id, { label: "live", mode: "live" });
    const live = world.client(secretKey);
    for (const call of [
      () => live.testHelpers.testClocks.list(),
      () => live.testHelpers.testClocks.del(mine.id),
      () => live.testHelpers.testClocks.advance(mine.id, { frozen_time: 1_800_000_100 }),
      () => live.customers.create({ test_clock: mine.id }),
    ]) {
      await expect(call()).rejects.toMatchObject({ statusCode: 403 });
    }
    expect((await stripe.testHelpers.testClocks.retrieve(mine.id)).frozen_time).toBe(1_800_000_000);
  });
});
