import { expect, test } from "./support/fixtures";
import { createIntent, readIntent, signUpMerchant } from "./support/api";
import { FUTURE_EXPIRY } from "./support/checkout-page";

test.use({ javaScriptEnabled: false });

test("the card form works as a plain HTML post", async ({ page, request, merchantSite }) => {
  const merchant = await signUpMerchant(request);
  const intent = await createIntent(request, merchant, merchantSite.origin);
  await page.goto(intent.checkout_url);

  await page.getByLabel("Card number").fill("4000 0000 0000 0069");
  await page.getByLabel("Expiry (MM / YY)").fill(FUTURE_EXPIRY);
  await page.getByLabel("Security code").fill("123");
  await page.getByRole("button", { name: "Pay $42.00" }).click();
  await expect(page.locator("#payment-error")).toContainText("decline code 54");

  await page.getByLabel("Card number").fill("4242424242424242");
  await page.getByLabel("Expiry (MM / YY)").fill("01 / 20");
  await page.getByLabel("Security code").fill("123");
  await page.getByRole("button", { name: "Pay $42.00" }).click();
  await expect(page.locator("#payment-error")).toContainText(/expiration/i);

  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await page.getByLabel("Expiry (MM / YY)").fill(FUTURE_EXPIRY);
  await page.getByLabel("Security code").fill("123");
  await page.getByRole("button", { name: "Pay $42.00" }).click();
  await page.waitForURL(`${merchantSite.origin}/thanks**`);
  expect(new URL(page.url()).searchParams.get("payment_intent")).toBe(intent.id);
  expect(await readIntent(request, merchant, intent.id)).toMatchObject({ status: "succeeded", attempt_count: 2 });
});

test("cancel works without JavaScript", async ({ page, request, merchantSite }) => {
  const merchant = await signUpMerchant(request);
  const intent = await createIntent(request, merchant, merchantSite.origin);
  await page.goto(intent.checkout_url);
  await page.getByRole("button", { name: /Cancel and return/ }).click();
  await page.waitForURL(`${merchantSite.origin}/cart`);
  expect((await readIntent(request, merchant, intent.id)).status).toBe("canceled");
});
