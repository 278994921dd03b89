import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { createIntent, signUpMerchant } from "./support/api";
import { signIn } from "./support/dashboard";

/** Serious and critical findings only, each with the elements it is about, so a failure says what to fix. */
async function seriousViolations(page: Page, minimumPasses = 10) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  // Proof that axe looked at a real page: contrast, labels and landmarks were checked and passed.
  expect(results.passes.length, page.url()).toBeGreaterThan(minimumPasses);
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

test("every checkout state, in every language, has no serious accessibility violations", async ({ browser, request, merchantSite }) => {
  test.setTimeout(240_000);
  const merchant = await signUpMerchant(request, { brand_color: "#0f766e" });
  const api = { authorization: `Bearer ${merchant.secretKey}` };
  const intentIn = (locale: string, extra: Record<string, unknown> = {}) =>
    createIntent(request, merchant, merchantSite.origin, { locale, line_items: [{ name: "Mug", quantity: 2, unit_amount: 2100 }], ...extra });
  const confirm = (id: string, secret: string, number: string) =>
    request.post(`/api/v1/payment-intents/${id}/confirm`, { data: { client_secret: secret, card: { number, exp_month: 12, exp_year: 2040, cvc: "123" } } });
  const locales = ["en", "de", "fr", "es", "nl", "pt-BR", "ja"];
  // Made first, so they have run out by the time the other states have been looked at.
  const expiring = await Promise.all(locales.map((locale) => intentIn(locale, { expires_in: 10, ui_mode: "embedded" })));
  // A browser per language, so the pages that know no locale of their own (403) follow Accept-Language.
  const pageIn = async (locale: string) => (await browser.newContext({ locale })).newPage();
  for (const locale of locales) {
    const page = await pageIn(locale);
    const open = await intentIn(locale);
    const declined = await intentIn(locale);
    await confirm(declined.id, declined.client_secret, "4000000000000127");
    const paid = await intentIn(locale, { ui_mode: "embedded" });
    await confirm(paid.id, paid.client_secret, "4242424242424242");
    const challenged = await intentIn(locale);
    await confirm(challenged.id, challenged.client_secret, "4000002760003184");
    const failed = await intentIn(locale);
    for (let i = 0; i < 5; i++) await confirm(failed.id, failed.client_secret, "4000000000009995");
    const canceled = await intentIn(locale, { ui_mode: "embedded" });
    await request.post(`/api/v1/payment-intents/${canceled.id}/cancel`, { headers: api, data: {} });
    const pages = [
      open.checkout_url,
      declined.checkout_url,
      paid.checkout_url,
      challenged.checkout_url,
      challenged.checkout_url.replace("?", "/challenge?"),
      failed.checkout_url,
      canceled.checkout_url,
      `/pay/${open.id}?client_secret=wrong`,
    ];
    for (const url of pages) {
      await page.goto(url);
      // The 403 page is a heading and a sentence: fewer rules apply to it.
      expect(await seriousViolations(page, url.includes("=wrong") ? 5 : 10), `${locale} ${url}`).toEqual([]);
    }
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await page.context().close();
  }
  for (const [index, intent] of expiring.entries()) {
    const page = await pageIn(locales[index]!);
    await expect.poll(async () => (await page.goto(intent.checkout_url), await page.locator("#countdown").count()), { timeout: 20_000 }).toBe(0);
    expect(await seriousViolations(page), `${locales[index]} expired`).toEqual([]);
    await page.context().close();
  }
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
