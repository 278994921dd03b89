import { expect, test } from "@playwright/test";
import { fillCard, payButton } from "./support/checkout-page";

test("the demo store takes a payment by redirect", async ({ page }) => {
  await page.goto("/demo");
  await page.getByText("Colombia Huila").click();
  await page.getByRole("button", { name: "Checkout with redirect" }).click();
  await expect(page.getByRole("heading", { name: "Pay Northwind Coffee Roasters" })).toBeVisible();
  await expect(page.getByText("$17.00").first()).toBeVisible();
  await fillCard(page, "4242 4242 4242 4242");
  await payButton(page).click();
  await page.waitForURL(/\/demo\/complete\?/);
  await expect(page.getByRole("heading", { name: "Thank you for your order" })).toBeVisible();
  await expect(page.getByTestId("payment-status")).toHaveText("succeeded");
  expect(new URL(page.url()).searchParams.get("payment_intent")).toMatch(/^pi_/);
});

test("the demo store takes a payment in the embedded checkout and shows its events", async ({ page }) => {
  await page.goto("/demo");
  await page.getByRole("button", { name: "Checkout embedded on this page" }).click();
  const frame = page.frameLocator("iframe[title='Kassa checkout']");
  await fillCard(frame, "4242 4242 4242 4242");
  await payButton(frame).click();
  await expect(page.getByRole("status")).toContainText("Paid!");
  await expect(page.getByTestId("event-log")).toContainText("payment.started");
  await expect(page.getByTestId("event-log")).toContainText("payment.success");
});

test("the demo store's cancel link brings the buyer back with nothing charged", async ({ page }) => {
  await page.goto("/demo");
  await page.getByRole("button", { name: "Checkout with redirect" }).click();
  await page.getByRole("button", { name: /Cancel and return/ }).click();
  await page.waitForURL(/\/demo\?canceled=/);
  await expect(page.getByRole("status")).toContainText("nothing was charged");
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the embedded checkout's frame follows the checkout's height: the Pay button fits, and it shrinks once paid", async ({ page }) => {
    await page.goto("/demo");
    await page.getByRole("button", { name: "Checkout embedded on this page" }).click();
    const iframe = page.locator("iframe[title='Kassa checkout']");
    const frame = page.frameLocator("iframe[title='Kassa checkout']");
    await expect(payButton(frame)).toBeVisible();
    // The frame grows to the whole form: the Pay button ends inside it, not cut off.
    await expect
      .poll(async () => {
        const outer = (await iframe.boundingBox())!;
        const button = (await payButton(frame).boundingBox())!;
        return button.y + button.height <= outer.y + outer.height;
      })
      .toBe(true);
    const tall = (await iframe.boundingBox())!.height;
    expect(tall).toBeGreaterThan(700);

    await fillCard(frame, "4242 4242 4242 4242");
    await payButton(frame).click();
    await expect(frame.getByText("Payment successful")).toBeVisible();
    // The form is gone, and so is the blank space it left.
    await expect.poll(async () => (await iframe.boundingBox())!.height).toBeLessThan(tall - 200);
    const content = await frame.locator("#checkout").boundingBox();
    expect(Math.abs((await iframe.boundingBox())!.height - content!.height)).toBeLessThan(8);
  });
});
