import Stripe from "stripe";
import { startWebhookReceiver } from "@/lib/testing/webhook-receiver";
import { expect, test } from "./support/fixtures";
import { signUpMerchant } from "./support/api";
import { fillCard, payButton } from "./support/checkout-page";
import { lookAt } from "./support/look";

/**
 * A Stripe Checkout integration run end to end offline: the official stripe package pointed at
 * Kassa with host, port and protocol only, the session's url opened in Chromium and paid on Kassa's
 * page, and the webhook checked with stripe.webhooks.constructEvent.
 */
async function stripeFor(request: Parameters<typeof signUpMerchant>[0], baseURL: string) {
  const merchant = await signUpMerchant(request);
  const url = new URL(baseURL);
  return { merchant, stripe: new Stripe(merchant.secretKey, { host: url.hostname, port: Number(url.port), protocol: "http" }) };
}

const coffee = [
  { price_data: { currency: "usd", unit_amount: 1800, product_data: { name: "Ethiopia Guji, 250 g" } }, quantity: 2 },
  { price_data: { currency: "usd", unit_amount: 500, product_data: { name: "Shipping" } }, quantity: 1 },
];

test("a Checkout Session paid with 4242: back at success_url with the session id, complete and paid, checkout.session.completed verified", async ({ page, request, baseURL, merchantSite }) => {
  const receiver = await startWebhookReceiver();
  try {
    const { stripe } = await stripeFor(request, baseURL!);
    const endpoint = await stripe.webhookEndpoints.create({ url: receiver.url, enabled_events: ["checkout.session.completed"] });
    const session = await stripe.checkout.sessions.create({
      mode: "payment",
      line_items: coffee,
      customer_email: "ada@example.com",
      success_url: `${merchantSite.origin}/thanks?session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: `${merchantSite.origin}/cart`,
    });
    await page.goto(session.url!);
    await expect(page.getByText("Ethiopia Guji, 250 g")).toBeVisible();
    await expect(payButton(page)).toContainText("$41.00");
    await lookAt(page, "stripe-session");
    await fillCard(page, "4242 4242 4242 4242");
    await payButton(page).click();
    await page.waitForURL(`${merchantSite.origin}/thanks**`);
    expect(new URL(page.url()).searchParams.get("session_id")).toBe(session.id);

    expect(await stripe.checkout.sessions.retrieve(session.id)).toMatchObject({ status: "complete", payment_status: "paid", amount_total: 4100 });
    await expect.poll(() => receiver.received.length, { timeout: 15_000 }).toBeGreaterThan(0);
    const hook = receiver.received[0]!;
    const event = stripe.webhooks.constructEvent(hook.body, hook.headers["stripe-signature"]!, endpoint.secret!);
    expect(event).toMatchObject({ type: "checkout.session.completed", data: { object: { id: session.id, payment_status: "paid" } } });
    expect(() => stripe.webhooks.constructEvent(hook.body, hook.headers["stripe-signature"]!, "whsec_someone_else")).toThrow(Stripe.errors.StripeSignatureVerificationError);
  } finally {
    await receiver.close();
  }
});

test("a decline with 9995 is shown on the page, and the PaymentIntent's last_payment_error says insufficient_funds", async ({ page, request, baseURL, merchantSite }) => {
  const { stripe } = await stripeFor(request, baseURL!);
  const session = await stripe.checkout.sessions.create({ mode: "payment", line_items: coffee, success_url: `${merchantSite.origin}/thanks` });
  await page.goto(session.url!);
  await fillCard(page, "4000 0000 0000 9995");
  await payButton(page).click();
  await expect(page.locator("#payment-error")).toContainText("Your card has insufficient funds.");
  await lookAt(page, "stripe-session-declined");
  const intent = await stripe.paymentIntents.retrieve(String(session.payment_intent));
  expect(intent.status).toBe("requires_payment_method");
  expect(intent.last_payment_error).toMatchObject({ code: "card_declined", decline_code: "insufficient_funds" });
  expect(await stripe.checkout.sessions.retrieve(session.id)).toMatchObject({ status: "open", payment_status: "unpaid" });
});

test("3-D Secure with 3155: the bank's page, authenticated, and back at the merchant paid", async ({ page, request, baseURL, merchantSite }) => {
  const { stripe } = await stripeFor(request, baseURL!);
  const session = await stripe.checkout.sessions.create({ mode: "payment", line_items: coffee, success_url: `${merchantSite.origin}/thanks?session_id={CHECKOUT_SESSION_ID}` });
  await page.goto(session.url!);
  await fillCard(page, "4000 0025 0000 3155");
  await payButton(page).click();
  await expect(page.getByRole("heading", { name: "Confirm this payment" })).toBeVisible();
  expect((await stripe.paymentIntents.retrieve(String(session.payment_intent))).status).toBe("requires_action");
  await page.getByRole("button", { name: "Complete authentication" }).click();
  await page.waitForURL(`${merchantSite.origin}/thanks**`);
  expect(new URL(page.url()).searchParams.get("session_id")).toBe(session.id);
  expect(await stripe.checkout.sessions.retrieve(session.id, { expand: ["payment_intent"] })).toMatchObject({ status: "complete", payment_intent: { status: "succeeded" } });
});
