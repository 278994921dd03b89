import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { signUpMerchant, type E2EMerchant } from "./support/api";
import { fillCard, payButton } from "./support/checkout-page";

type Created = { id: string; payUrl: string };
type Case = {
  dialect: string;
  create: (request: APIRequestContext, merchant: E2EMerchant, site: string) => Promise<Created>;
  /** Where the buyer lands after paying, and what the page must show first. */
  landing: (site: string) => string;
  shows: string[];
};

async function post(request: APIRequestContext, url: string, headers: Record<string, string>, data: unknown) {
  const response = await request.post(url, { headers, data });
  expect(response.ok(), await response.text()).toBe(true);
  return response.json();
}

const cases: Case[] = [
  {
    dialect: "native",
    create: async (request, m, site) => {
      const body = await post(request, "/api/v1/payment-intents", { authorization: `Bearer ${m.secretKey}` }, {
        amount: 1999,
        currency: "EUR",
        description: "Native order",
        success_url: `${site}/native/success?session={CHECKOUT_SESSION_ID}`,
        cancel_url: `${site}/native/cancel`,
      });
      return { id: body.id, payUrl: body.checkout_url };
    },
    landing: (site) => `${site}/native/success`,
    shows: ["€19.99", "Native order"],
  },
  {
    dialect: "mintro",
    create: async (request, m, site) => {
      const body = await post(request, "/api/platform/intents", { "x-client-id": m.clientId, "x-client-secret": m.secretKey }, {
        amount: 80,
        currency: "USD",
        intent_type: "one_time",
        email: "customer@example.com",
        name: "John Doe",
        reference_id: "ORDER-42",
        integration_type: "url",
        success_url: `${site}/mintro/success`,
        cancel_url: `${site}/mintro/cancel`,
        tax: 10,
        discount: 5,
        order_items: [{ name: "Product 1", quantity: 1, price: 50 }],
      });
      return { id: body.data.intent_id, payUrl: body.data.payment_url };
    },
    landing: (site) => `${site}/mintro/success`,
    shows: ["$80.00", "Product 1", "Tax", "$10.00", "Discount", "−$5.00", "Other charges", "$25.00"],
  },
  {
    dialect: "mint",
    create: async (request, m, site) => {
      const headers = { "x-api-key": m.secretKey };
      const checkout = await post(request, "/api/v1/checkouts", headers, { name: "Gifts", display_name: "Ada's Gift Shop", brand_color: "#be123c" });
      const body = await post(request, "/v1/payments", headers, {
        checkout_id: checkout.data.id,
        currency: "USD",
        amount: 49,
        order_id: "order_123",
        return_url: `${site}/mint/complete`,
        line_items: [{ name: "Gift card", quantity: 1, price: 49 }],
      });
      return { id: body.data.id, payUrl: body.data.payment_url };
    },
    landing: (site) => `${site}/mint/complete`,
    shows: ["Pay Ada's Gift Shop", "$49.00", "Gift card"],
  },
  {
    dialect: "shop",
    create: async (request, m, site) => {
      const body = await post(request, "/api/v1/payments", { authorization: `Bearer ${m.secretKey}` }, {
        amount: 10000,
        currency: "usd",
        return_url: `${site}/shop/return`,
        customer_email: "buyer@example.com",
      });
      return { id: body.id, payUrl: body.checkout_url };
    },
    landing: (site) => `${site}/shop/return`,
    shows: ["$100.00"],
  },
  {
    dialect: "mutopay",
    create: async (request, m, site) => {
      const body = await post(request, "/api/payments", { "x-api-key": m.secretKey }, {
        amount_original: 25,
        currency: "EUR",
        description: "Abonnement Pro",
        callback_url: `${site}/mutopay/thanks`,
      });
      return { id: body.id, payUrl: body.url };
    },
    landing: (site) => `${site}/mutopay/thanks`,
    shows: ["$27.13", "Abonnement Pro", "Priced at €25.00 · 1 EUR = 1.0850 USD"],
  },
];

async function payAndLand(page: Page, created: Created, landing: string) {
  await fillCard(page, "4242 4242 4242 4242");
  await payButton(page).click();
  await page.waitForURL(`${landing}**`);
  expect(new URL(page.url()).searchParams.get("payment_intent")).toBe(created.id);
}

for (const { dialect, create, landing, shows } of cases) {
  test(`a ${dialect} intent is paid on the hosted page and the buyer lands on its redirect URL`, async ({ page, request, merchantSite }) => {
    const merchant = await signUpMerchant(request);
    const created = await create(request, merchant, merchantSite.origin);
    await page.goto(created.payUrl);
    for (const text of shows) await expect(page.getByText(text, { exact: true }).first()).toBeVisible();
    await payAndLand(page, created, landing(merchantSite.origin));
  });
}

test("a mintro iframe intent posts the seed's events to its parent on another origin", async ({ page, request, merchantSite }) => {
  const merchant = await signUpMerchant(request, { allowed_origins: [merchantSite.origin] });
  const body = await post(request, "/api/platform/intents", { "x-client-id": merchant.clientId, "x-client-secret": merchant.secretKey }, {
    amount: 12.5,
    currency: "USD",
    intent_type: "recurring",
    interval_days: 30,
    email: "customer@example.com",
    name: "John Doe",
    reference_id: "SUB-7",
    integration_type: "iframe",
    order_items: [{ name: "Monthly plan", quantity: 1, price: 12.5 }],
  });
  await page.goto(`${merchantSite.origin}/frame?checkout=${encodeURIComponent(body.data.payment_url)}`);
  const frame = page.frameLocator("iframe[title=Checkout]");
  await fillCard(frame, "4242 4242 4242 4242");
  await payButton(frame).click();
  await expect(frame.getByText("Payment successful")).toBeVisible();

  const events = async () =>
    (await page.locator("#events li").allTextContents()).map((text) => JSON.parse(text).data).filter((data) => data.event !== "resize");
  await expect.poll(async () => (await events()).map((event) => event.event)).toEqual(["payment.started", "payment.success"]);
  for (const event of await events()) {
    expect(event).toMatchObject({ intent_id: body.data.intent_id, client_reference_id: "SUB-7", message: expect.any(String) });
  }
  expect((await events())[1]).toMatchObject({ status: "succeeded" });

  const read = await request.get(`/api/platform/intents/${body.data.intent_id}`, {
    headers: { "x-client-id": merchant.clientId, "x-client-secret": merchant.secretKey },
  });
  expect((await read.json()).data).toMatchObject({ status: "succeeded", subscription_id: expect.stringMatching(/^sub_/) });
});
