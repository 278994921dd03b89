import { expect, test } from "./support/fixtures";
import { createIntent, signUpMerchant } from "./support/api";
import { signIn } from "./support/dashboard";
import { lookAt } from "./support/look";
import { startWebhookReceiver } from "../lib/testing/webhook-receiver";

test("a merchant makes a test clock, pays a subscription on it and advances it a month in the dashboard", async ({ page, request, merchantSite }) => {
  const merchant = await signUpMerchant(request);
  await signIn(page, merchant.email, merchant.password, "/dashboard/developers/test-clocks");
  await expect(page.getByText("No test clocks yet")).toBeVisible();
  await page.getByLabel("Name").fill("Monthly plan");
  await page.getByLabel("Starts at (UTC)").fill("2027-01-01T09:00");
  await page.getByRole("button", { name: "Create test clock" }).click();
  await expect(page.getByRole("heading", { name: "Monthly plan" })).toBeVisible();
  await expect(page.getByText("2027-01-01 09:00 UTC")).toBeVisible();
  const clockId = new URL(page.url()).pathname.split("/").at(-1)!;
  expect(clockId).toMatch(/^clock_/);

  const intent = await createIntent(request, merchant, merchantSite.origin, { amount: 1500, recurring: { interval_days: 30 }, test_clock: clockId });
  const paid = await request.post(`/api/v1/test-helpers/payment-intents/${intent.id}/succeed`, { headers: { authorization: `Bearer ${merchant.secretKey}` }, data: {} });
  expect(paid.status()).toBe(200);
  expect((await paid.json()).status).toBe("succeeded");

  await page.reload();
  const subscriptions = page.getByRole("region", { name: "Subscriptions on this clock" });
  await expect(subscriptions).toContainText("next charge 2027-01-31 09:00 UTC");
  await page.getByLabel("Advance to (UTC)").fill("2027-02-01T09:00");
  await page.getByRole("button", { name: "Advance clock" }).click();
  await expect(page.getByText("The clock now reads 2027-02-01 09:00 UTC")).toBeVisible();
  await page.reload();
  await expect(subscriptions).toContainText("next charge 2027-03-02 09:00 UTC");
  await expect(page.getByRole("region", { name: "Payments on this clock" })).toContainText("created 2027-01-31 09:00 UTC");
  await lookAt(page, "test-clock");
  await page.getByRole("link", { name: "← Test clocks" }).click();
  await expect(page.getByRole("link", { name: "Monthly plan" })).toBeVisible();
  await expect(page.getByText("reads 2027-02-01 09:00 UTC")).toBeVisible();
  await lookAt(page, "test-clocks");
});

test("a merchant turns on webhook faults and sees the faulted deliveries marked in the log", async ({ page, request, merchantSite }) => {
  const merchant = await signUpMerchant(request);
  const receiver = await startWebhookReceiver();
  try {
    const endpoint = await (await request.post("/api/v1/webhook-endpoints", { headers: { authorization: `Bearer ${merchant.secretKey}` }, data: { url: receiver.url } })).json();
    receiver.trust(endpoint.secret);
    await signIn(page, merchant.email, merchant.password, `/dashboard/developers/webhooks/${endpoint.id}`);
    await page.getByLabel("Send every delivery twice").check();
    await page.getByLabel("Sign with a wrong secret").check();
    await page.getByRole("button", { name: "Save faults" }).click();
    await expect(page.getByText("Saved: 2 faults apply")).toBeVisible();

    const intent = await createIntent(request, merchant, merchantSite.origin);
    await request.post(`/api/v1/test-helpers/payment-intents/${intent.id}/succeed`, { headers: { authorization: `Bearer ${merchant.secretKey}` }, data: {} });
    await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBe(2);
    expect(receiver.received.every((hook) => hook.verifiedWith.length === 0)).toBe(true);
    await expect
      .poll(async () => {
        await page.reload();
        return page.getByTestId("delivery-log").textContent();
      })
      .toContain("fault: duplicate");
    await expect(page.getByTestId("delivery-log")).toContainText("fault: wrong signature");
    await lookAt(page, "webhook-faults");
  } finally {
    await receiver.close();
  }
});

test("in live mode the test clocks page says they are for test mode", async ({ page, request }) => {
  const merchant = await signUpMerchant(request);
  await signIn(page, merchant.email, merchant.password, "/dashboard/developers/test-clocks");
  await page.getByRole("switch", { name: "Test mode" }).click();
  await expect(page.getByRole("complementary").getByText("Live", { exact: true })).toBeVisible();
  await page.goto("/dashboard/developers/test-clocks");
  await expect(page.getByText("Test clocks are for test mode")).toBeVisible();
});
