import fs from "node:fs";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { createIntent, signUpMerchant, type E2EIntent, type E2EMerchant } from "./support/api";
import { signIn } from "./support/dashboard";
import { lookAt } from "./support/look";
import { startWebhookReceiver } from "../lib/testing/webhook-receiver";

const CARD = { number: "4242424242424242", exp_month: 12, exp_year: 2040, cvc: "123" };

async function confirm(request: APIRequestContext, intent: E2EIntent) {
  const response = await request.post(`/api/v1/payment-intents/${intent.id}/confirm`, { data: { client_secret: intent.client_secret, card: CARD } });
  expect(response.status(), await response.text()).toBe(200);
}

async function merchantCall(request: APIRequestContext, merchant: E2EMerchant, path: string, data: Record<string, unknown> = {}) {
  const response = await request.post(path, { headers: { authorization: `Bearer ${merchant.secretKey}` }, data });
  expect(response.status(), await response.text()).toBeLessThan(300);
  return response.json();
}

/** One payment in each state the dashboard tells apart, $42.00 each unless said. */
async function paymentsInEveryState(request: APIRequestContext, merchant: E2EMerchant, site: string) {
  const make = (body: Record<string, unknown> = {}) => createIntent(request, merchant, site, body);
  const paid = await make({ description: "Paid in full" });
  const partlyRefunded = await make({ description: "Partly refunded" });
  const refunded = await make({ description: "Refunded in full" });
  const partlyCaptured = await make({ description: "Partly captured", capture_method: "manual" });
  const authorized = await make({ description: "Authorized only", capture_method: "manual" });
  const open = await make({ description: "Not paid yet" });
  for (const intent of [paid, partlyRefunded, refunded, partlyCaptured, authorized]) await confirm(request, intent);
  await merchantCall(request, merchant, `/api/v1/payment-intents/${partlyRefunded.id}/refunds`, { amount: 1200 });
  await merchantCall(request, merchant, `/api/v1/payment-intents/${refunded.id}/refunds`);
  await merchantCall(request, merchant, `/api/v1/payment-intents/${partlyCaptured.id}/capture`, { amount_to_capture: 3000 });
  return { paid, partlyRefunded, refunded, partlyCaptured, authorized, open };
}

const rowOf = (page: Page, description: string) => page.getByRole("row").filter({ hasText: description });

test("the overview's figures agree, and a failing webhook endpoint is named with its answer, there and in the timeline", async ({ page, request, merchantSite }) => {
  const merchant = await signUpMerchant(request);
  const receiver = await startWebhookReceiver();
  receiver.answerWith(() => 500);
  try {
    await merchantCall(request, merchant, "/api/v1/webhook-endpoints", { url: receiver.url });
    const paid = [];
    for (let i = 0; i < 3; i++) paid.push(await createIntent(request, merchant, merchantSite.origin));
    const authorized = await createIntent(request, merchant, merchantSite.origin, { capture_method: "manual" });
    await createIntent(request, merchant, merchantSite.origin);
    for (const intent of [...paid, authorized]) await confirm(request, intent);
    // Each payment.succeeded's first delivery fails; three in a row make the endpoint "failing".
    await expect.poll(() => receiver.received.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(3);

    await signIn(page, merchant.email, merchant.password);
    const attention = page.getByRole("region", { name: "Needs attention" });
    await expect
      .poll(async () => {
        await page.reload();
        return attention.textContent();
      })
      .toContain(`Webhooks to ${receiver.url} are failing`);
    await expect(attention).toContainText("HTTP 500");
    await expect(attention).toContainText("1 payment is authorized and waiting to be captured");
    // The authorized payment counts as successful in both figures, and says so.
    const stat = (label: string) => page.getByTestId("stat").filter({ hasText: label });
    await expect(stat("Successful payments")).toContainText("4");
    await expect(stat("Successful payments")).toContainText("including 1 authorized, not captured yet");
    await expect(stat("Success rate")).toContainText("4 of 4 attempted");
    await lookAt(page, "overview-failing-endpoint");

    await page.goto(`/dashboard/payments/${paid[0]!.id}`);
    const timeline = page.getByTestId("timeline");
    await expect(timeline).toContainText(`Webhook to ${receiver.url}`);
    await expect(timeline).toContainText(/retrying, 1 attempt so far; last answer: HTTP 500/);

    // The events page lists every event, each with its deliveries.
    await page.goto("/dashboard/developers/events");
    const events = page.getByTestId("events").locator(":scope > li");
    await expect(events.filter({ hasText: "payment.created" })).toHaveCount(5);
    const succeeded = events.filter({ hasText: "payment.succeeded" });
    await expect(succeeded).toHaveCount(3);
    await expect(succeeded.first()).toContainText(receiver.url);
    // The same words as the payment's timeline.
    await expect(succeeded.first()).toContainText(/retrying, \d+ attempts? so far; last answer: HTTP 500/);
    await lookAt(page, "events");
  } finally {
    await receiver.close();
  }
});

test("one label per status: the filter, the rows and the detail agree; refunds and partial captures show as such", async ({ page, request, merchantSite }) => {
  const merchant = await signUpMerchant(request);
  const states = await paymentsInEveryState(request, merchant, merchantSite.origin);
  await signIn(page, merchant.email, merchant.password, "/dashboard/payments");

  await expect(rowOf(page, "Not paid yet")).toContainText("awaiting payment");
  await expect(page.getByLabel("Status").locator("option", { hasText: "awaiting payment" })).toHaveCount(1);
  await expect(page.getByLabel("Status").locator("option", { hasText: "requires payment method" })).toHaveCount(0);
  await expect(rowOf(page, "Partly refunded")).toContainText("partially refunded");
  await expect(rowOf(page, "Partly refunded")).toContainText("$12.00");
  await expect(rowOf(page, "Refunded in full")).toContainText("refunded");
  await expect(page.getByRole("columnheader", { name: "Refunded" })).toBeVisible();
  await lookAt(page, "payments-list");

  await page.getByLabel("Status").selectOption("succeeded");
  await page.getByRole("button", { name: "Apply" }).click();
  await page.waitForURL(/status=succeeded/);
  // Succeeded lists what is labelled succeeded: not the refunded ones.
  const rows = page.getByRole("table", { name: "Payments" }).locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rowOf(page, "Paid in full")).toContainText("succeeded");
  await expect(rowOf(page, "Partly captured")).toContainText("succeeded");

  await page.goto(`/dashboard/payments/${states.partlyCaptured.id}`);
  await expect(page.getByRole("heading", { name: "$30.00" })).toBeVisible();
  await expect(page.getByText("captured of $42.00 authorized")).toBeVisible();
  await expect(page.getByTestId("timeline")).toContainText("Captured $30.00 of $42.00; the rest was released");
  await lookAt(page, "payment-partly-captured");

  await page.goto(`/dashboard/payments/${states.partlyRefunded.id}`);
  const amounts = page.getByRole("region", { name: "Details" });
  await expect(amounts).toContainText(/Captured\s*\$42\.00/);
  await expect(amounts).toContainText(/Refunded\s*\$12\.00/);
  await expect(amounts).toContainText(/Net\s*\$30\.00/);
  await expect(page.getByText("partially refunded").first()).toBeVisible();
});

test("the CSV export holds the payments of the current filters, with the list's labels and amounts", async ({ page, request, merchantSite }) => {
  const merchant = await signUpMerchant(request);
  const states = await paymentsInEveryState(request, merchant, merchantSite.origin);
  await signIn(page, merchant.email, merchant.password, "/dashboard/payments");
  await page.goto("/dashboard/payments?status=partially_refunded");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^kassa-payments-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = fs.readFileSync((await download.path())!, "utf8").trimEnd().split("\r\n");
  expect(lines[0]).toBe("id,created_at,status,currency,amount,captured,refunded,net,description,reference,customer_email,dialect,tx_hash");
  expect(lines.slice(1)).toEqual([expect.stringMatching(new RegExp(`^${states.partlyRefunded.id},.*,partially refunded,USD,42\\.00,42\\.00,12\\.00,30\\.00,Partly refunded,`))]);

  await page.goto("/dashboard/payments");
  const [all] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  expect(fs.readFileSync((await all.path())!, "utf8").trimEnd().split("\r\n")).toHaveLength(7);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the API keys page fits the screen, and says how fresh 'last used' is", async ({ page, request }) => {
    const merchant = await signUpMerchant(request);
    await signIn(page, merchant.email, merchant.password, "/dashboard/developers");
    await page.getByLabel("Label").fill("A key with a rather long label for a small screen");
    await page.getByRole("button", { name: "Create secret key" }).click();
    // Reloaded only once the key is made: a reload while the server action is on its way cancels it.
    await expect(page.getByText("Your new secret key. It is shown only this once.")).toBeVisible();
    await page.reload();
    const row = page.getByTestId("api-key-row").filter({ hasText: "rather long label" });
    await expect(row.getByRole("button", { name: "Revoke" })).toBeInViewport();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expect(page.getByText("updated at most once a minute per key")).toBeVisible();
    await lookAt(page, "api-keys");
  });

  test("the chart's first and last date labels are inside it", async ({ page, request, merchantSite }) => {
    const merchant = await signUpMerchant(request);
    await confirm(request, await createIntent(request, merchant, merchantSite.origin));
    await signIn(page, merchant.email, merchant.password);
    const chart = page.getByTestId("volume-chart");
    // Measured only once React has revealed the streamed page: a hidden chart has no box.
    await expect(chart).toBeVisible();
    const box = (await chart.boundingBox())!;
    const labels = chart.locator("text");
    expect(await labels.count()).toBeGreaterThanOrEqual(2);
    for (const label of [labels.first(), labels.last()]) {
      const own = (await label.boundingBox())!;
      expect(own.x).toBeGreaterThanOrEqual(box.x - 0.5);
      expect(own.x + own.width).toBeLessThanOrEqual(box.x + box.width + 0.5);
    }
  });
});

test("settings are read-only for a developer, with a note saying who can change them", async ({ page, request }) => {
  const owner = await signUpMerchant(request);
  const developer = await signUpMerchant(request);
  await signIn(page, owner.email, owner.password, "/dashboard/settings/team");
  await page.getByLabel("Email").fill(developer.email);
  await page.getByLabel("Role", { exact: true }).selectOption("developer");
  await page.getByRole("button", { name: "Invite" }).click();
  const link = (await page.locator("code").filter({ hasText: "/invite/" }).first().textContent())!.trim();
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/signin/);
  await signIn(page, developer.email, developer.password);
  await page.goto(new URL(link).pathname);
  await page.getByRole("button", { name: /^Join / }).click();
  await page.waitForURL(/\/dashboard$/);

  await page.goto("/dashboard/settings");
  await expect(page.getByText("Only owners and admins can change these settings.")).toBeVisible();
  await expect(page.getByLabel("Name shown to buyers")).not.toBeEditable();
  await expect(page.getByRole("button", { name: "Save settings" })).toHaveCount(0);
  await lookAt(page, "settings-developer");
  await page.goto("/dashboard/settings/team");
  await expect(page.getByText("Only owners and admins can invite people or change their roles.")).toBeVisible();
  await lookAt(page, "team-developer");
  await page.goto("/dashboard/settings/checkouts");
  await expect(page.getByText("Only owners and admins can add checkouts.")).toBeVisible();
});

test("a dialog's error is said once, beside its field; messages count in the singular", async ({ page, request, merchantSite }) => {
  const merchant = await signUpMerchant(request);
  const intent = await createIntent(request, merchant, merchantSite.origin);
  await confirm(request, intent);
  await signIn(page, merchant.email, merchant.password, `/dashboard/payments/${intent.id}`);
  await page.getByRole("button", { name: "Refund" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Amount (USD)").fill("99.00");
  await dialog.getByRole("button", { name: "Refund" }).click();
  const message = "The refund of 99.00 is more than the 42.00 USD still refundable.";
  // Shown once, under the field; a screen reader hears it once too, from the dialog's alert.
  const seen = async () => {
    const boxes = await Promise.all((await dialog.getByText(message).all()).map((element) => element.boundingBox()));
    return boxes.filter((box) => box && box.width > 1 && box.height > 1).length;
  };
  await expect.poll(seen).toBe(1);
  await expect(dialog.getByLabel("Amount (USD)")).toHaveAccessibleDescription(message);
  await lookAt(page, "refund-dialog-error");
});

test("a webhook endpoint can be edited and deleted in the dashboard; the home page leads there", async ({ page, request }) => {
  const merchant = await signUpMerchant(request);
  const endpoint = await merchantCall(request, merchant, "/api/v1/webhook-endpoints", { url: "https://orders.example/hooks", description: "Orders" });
  await page.goto("/");
  await page.getByRole("link", { name: "Open the dashboard" }).click();
  await page.waitForURL(/\/signin\?callbackUrl=%2Fdashboard$/);
  await signIn(page, merchant.email, merchant.password);

  await page.goto(`/dashboard/developers/webhooks/${endpoint.id}`);
  const edit = page.getByRole("region", { name: "Edit" });
  await edit.getByLabel("Endpoint URL").fill("https://orders.example/v2/hooks");
  await edit.getByLabel("Description").fill("Orders, v2");
  await edit.getByRole("button", { name: "Save endpoint" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  const read = await request.get(`/api/v1/webhook-endpoints/${endpoint.id}`, { headers: { authorization: `Bearer ${merchant.secretKey}` } });
  expect(await read.json()).toMatchObject({ url: "https://orders.example/v2/hooks", description: "Orders, v2" });
  await lookAt(page, "webhook-endpoint-edit");

  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete endpoint" }).click();
  await page.waitForURL(/\/dashboard\/developers\/webhooks\?deleted=1/);
  await expect(page.getByRole("link", { name: "https://orders.example/v2/hooks" })).toHaveCount(0);
  const gone = await request.get(`/api/v1/webhook-endpoints/${endpoint.id}`, { headers: { authorization: `Bearer ${merchant.secretKey}` } });
  expect(gone.status()).toBe(404);
});
