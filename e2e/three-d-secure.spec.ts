import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { createIntent, readIntent, signUpMerchant } from "./support/api";
import { fillCard, payButton } from "./support/checkout-page";

const NEEDS_3DS = "4000 0027 6000 3184";

/** A new merchant's hosted checkout, paid with the card that needs 3-D Secure, at the bank's page. */
async function atTheBank(page: Page, request: APIRequestContext, site: string) {
  const merchant = await signUpMerchant(request);
  const intent = await createIntent(request, merchant, site);
  await page.goto(intent.checkout_url);
  await fillCard(page, NEEDS_3DS);
  await payButton(page).click();
  await expect(page.getByRole("heading", { name: "Confirm this payment" })).toBeVisible();
  return { merchant, intent };
}

test("3-D Secure with JavaScript: the bank's test page, Complete, and back to the merchant paid", async ({ page, request, merchantSite }) => {
  const { merchant, intent } = await atTheBank(page, request, merchantSite.origin);
  await expect(page.getByText(/This is a test\. No real bank is asked/)).toBeVisible();
  await expect(page.getByText("Visa card ending 3184")).toBeVisible();
  expect((await readIntent(request, merchant, intent.id)).status).toBe("requires_action");

  await page.getByRole("button", { name: "Complete authentication" }).click();
  await page.waitForURL(`${merchantSite.origin}/thanks**`);
  expect(await readIntent(request, merchant, intent.id)).toMatchObject({ status: "succeeded", attempt_count: 1 });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("3-D Secure Fail declines with a clear reason, counts as an attempt, and the buyer can pay again", async ({ page, request, merchantSite }) => {
    const { merchant, intent } = await atTheBank(page, request, merchantSite.origin);
    await page.getByRole("button", { name: "Fail authentication" }).click();
    await expect(page.locator("#payment-error")).toContainText("could not confirm this payment (3-D Secure failed)");
    await expect(page.locator("#payment-error")).toContainText("4 attempts left");
    expect(await readIntent(request, merchant, intent.id)).toMatchObject({ status: "requires_payment_method", attempt_count: 1 });

    await fillCard(page, "4242 4242 4242 4242");
    await payButton(page).click();
    await page.waitForURL(`${merchantSite.origin}/thanks**`);
  });

  test("a page reloaded while the bank waits offers the way to it", async ({ page, request, merchantSite }) => {
    const { intent } = await atTheBank(page, request, merchantSite.origin);
    await page.goto(intent.checkout_url);
    await expect(page.getByText("Confirm the payment with your bank")).toBeVisible();
    await page.getByRole("link", { name: "Continue to your bank" }).click();
    await page.getByRole("button", { name: "Complete authentication" }).click();
    await page.waitForURL(`${merchantSite.origin}/thanks**`);
  });
});

test("3-D Secure inside the merchant's iframe: the challenge stays in the frame, and the parent hears the outcome", async ({ page, request, merchantSite: parent }) => {
  const merchant = await signUpMerchant(request, { allowed_origins: [parent.origin] });
  const intent = await createIntent(request, merchant, parent.origin, { ui_mode: "embedded" });
  await page.goto(`${parent.origin}/frame?checkout=${encodeURIComponent(intent.checkout_url)}`);
  const frame = page.frameLocator("iframe[title=Checkout]");
  await fillCard(frame, NEEDS_3DS);
  await payButton(frame).click();
  await frame.getByRole("button", { name: "Complete authentication" }).click();
  await expect(frame.getByText("Payment successful")).toBeVisible();
  const events = async () =>
    (await page.locator("#events li").allTextContents()).map((text) => JSON.parse(text).data).filter((data) => data.event !== "resize");
  await expect.poll(async () => (await events()).map((event) => event.event)).toEqual(["payment.started", "payment.success"]);
  expect(page.url()).toContain(parent.origin);
  expect((await readIntent(request, merchant, intent.id)).status).toBe("succeeded");
});
