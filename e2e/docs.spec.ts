import { expect, test } from "./support/fixtures";
import { lookAt } from "./support/look";

const DIALECTS: [string, string, string, string?][] = [
  ["native", "/api/v1/payment-intents", "Create a payment intent"],
  ["mint", "/v1/payments", "Create a payment"],
  ["mintro", "/api/platform/intents", "Create an intent"],
  ["shop", "/api/v1/payments", "Create a payment"],
  ["mutopay", "/api/payments", "Create a payment"],
  ["gateway", "/api/public/payment-intents/{id}", "Read a payment intent with its client secret (checkout front end)"],
  ["stripe", "/v1/checkout/sessions", "Create a Checkout Session", "checkout.session.completed"],
];

test("/docs renders the API reference of every dialect, with a first call, its answer and the webhooks", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "API reference" }).click();
  await page.waitForURL(/\/docs$/);
  for (const [dialect, path, summary, webhook = "payment.succeeded"] of DIALECTS) {
    await page.getByRole("navigation", { name: "Dialects" }).getByRole("link", { name: dialect, exact: true }).click();
    await page.waitForURL(new RegExp(`/docs\\?api=${dialect}$`));
    await expect(page.getByRole("link", { name: dialect, exact: true })).toHaveAttribute("aria-current", "page");
    const operation = page.locator(".opblock").filter({ has: page.locator(`.opblock-summary-path[data-path="${path}"]`) }).first();
    await expect(operation).toBeVisible();
    await expect(page.locator(".opblock-summary-description").filter({ hasText: summary }).first()).toBeVisible();
    await expect(page.getByRole("heading", { name: /a first call$/ })).toBeVisible();
    // OpenAPI 3.1 webhooks: the payloads this dialect's integrations receive.
    await expect(page.getByText(webhook, { exact: true }).first()).toBeVisible();
    // mintro's first call sends the key's id beside its secret.
    if (dialect === "mintro") await expect(page.getByText("X-Client-Id: ck_test_", { exact: false })).toBeVisible();
    if (dialect === "native") await lookAt(page, "docs-native");
    // Stripe's first call is form-encoded, as its SDKs send it.
    if (dialect === "stripe") {
      await expect(page.getByText("-d 'line_items[0][price_data][unit_amount]=2000'", { exact: false })).toBeVisible();
      await lookAt(page, "docs-stripe");
    }
  }

  // An operation opens to its fields, their limits and the dialect's error envelope.
  await page.goto("/docs?api=native");
  await page.locator('.opblock-post .opblock-summary-path[data-path="/api/v1/payment-intents"]').click();
  await expect(page.getByText("success_url").first()).toBeVisible();
  await expect(page.getByText("Idempotency-Key").first()).toBeVisible();
});

test("the OpenAPI documents are served as JSON, and an unknown dialect's reference is a 404", async ({ request }) => {
  for (const [dialect, path] of DIALECTS) {
    const response = await request.get(`/api/openapi/${dialect}.json`);
    expect(response.status()).toBe(200);
    const document = await response.json();
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toContain(path);
  }
  expect((await request.get("/api/openapi/paypal.json")).status()).toBe(404);
  expect((await request.get("/docs?api=paypal")).status()).toBe(404);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the reference fits the screen: long examples scroll inside their boxes", async ({ page }) => {
    await page.goto("/docs?api=mutopay");
    await expect(page.locator(".opblock").first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
