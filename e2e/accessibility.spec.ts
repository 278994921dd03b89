import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { createIntent, signUpMerchant } from "./support/api";
import { signIn } from "./support/dashboard";

/** Serious and critical findings only, each with the elements it is about, so a failure says what to fix. */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  // Proof that axe looked at a real page: contrast, labels and landmarks were checked and passed.
  expect(results.passes.length, page.url()).toBeGreaterThan(10);
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`);
}

test("the checkout page has no serious accessibility violations, before and after a decline", async ({ page, request, merchantSite }) => {
  const merchant = await signUpMerchant(request, { brand_color: "#0f766e" });
  const intent = await createIntent(request, merchant, merchantSite.origin, { line_items: [{ name: "Mug", quantity: 2, unit_amount: 2100 }] });
  await page.goto(intent.checkout_url);
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByLabel("Card number").fill("4000 0000 0000 9995");
  await page.getByLabel("Expiry (MM / YY)").fill("12 / 40");
  await page.getByLabel("Security code").fill("123");
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page.locator("#payment-error")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("every dashboard page has no serious accessibility violations", async ({ page, request, merchantSite }) => {
  test.setTimeout(120_000);
  const merchant = await signUpMerchant(request);
  const paid = await createIntent(request, merchant, merchantSite.origin);
  await request.post(`/api/v1/payment-intents/${paid.id}/confirm`, {
    data: { client_secret: paid.client_secret, card: { number: "4242424242424242", exp_month: 12, exp_year: 2040, cvc: "123" } },
  });
  const mintro = { "x-client-id": merchant.clientId, "x-client-secret": merchant.secretKey };
  const recurring = await (
    await request.post("/api/platform/intents", {
      headers: mintro,
      data: {
        amount: 9,
        currency: "USD",
        intent_type: "recurring",
        interval_days: 30,
        email: "s@example.com",
        name: "Sub",
        reference_id: "SUB-A11Y",
        integration_type: "url",
        success_url: `${merchantSite.origin}/ok`,
        cancel_url: `${merchantSite.origin}/cancel`,
        order_items: [{ name: "Plan", quantity: 1, price: 9 }],
      },
    })
  ).json();
  const secret = new URL(recurring.data.payment_url).searchParams.get("client_secret");
  await request.post(`/api/v1/payment-intents/${recurring.data.intent_id}/confirm`, {
    data: { client_secret: secret, card: { number: "4242424242424242", exp_month: 12, exp_year: 2040, cvc: "123" } },
  });
  const subscription = (await (await request.get("/api/v1/subscriptions", { headers: { authorization: `Bearer ${merchant.secretKey}` } })).json()).data[0];
  const endpoint = await (
    await request.post("/api/v1/webhook-endpoints", { headers: { authorization: `Bearer ${merchant.secretKey}` }, data: { url: `${merchantSite.origin}/hooks` } })
  ).json();

  await page.goto("/signin");
  expect(await seriousViolations(page), "/signin").toEqual([]);
  await page.goto("/signup");
  expect(await seriousViolations(page), "/signup").toEqual([]);
  await signIn(page, merchant.email, merchant.password);
  const pages = [
    "/dashboard",
    "/dashboard/payments",
    `/dashboard/payments/${paid.id}`,
    "/dashboard/subscriptions",
    `/dashboard/subscriptions/${subscription.id}`,
    "/dashboard/developers",
    "/dashboard/developers/webhooks",
    `/dashboard/developers/webhooks/${endpoint.id}`,
    "/dashboard/developers/snippets",
    "/dashboard/settings",
    "/dashboard/settings/checkouts",
    "/dashboard/settings/team",
  ];
  for (const path of pages) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    expect(await seriousViolations(page), path).toEqual([]);
  }
  // The refund dialog, open.
  await page.goto(`/dashboard/payments/${paid.id}`);
  await page.getByRole("button", { name: "Refund" }).click();
  expect(await seriousViolations(page), "refund dialog").toEqual([]);
});
