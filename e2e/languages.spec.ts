import { expect, test } from "./support/fixtures";
import { createIntent, signUpMerchant } from "./support/api";
import { FUTURE_EXPIRY } from "./support/checkout-page";

test("a German checkout, from the intent's locale: words, amounts and the decline in German", async ({ page, request, merchantSite }) => {
  const merchant = await signUpMerchant(request, { display_name: "Kaffeerösterei Nord" });
  const intent = await createIntent(request, merchant, merchantSite.origin, {
    locale: "de",
    amount: 123456,
    currency: "EUR",
    line_items: [{ name: "Bohnen", quantity: 2, unit_amount: 61728 }],
  });
  // The browser asks for English; the merchant said German, and the merchant wins.
  await page.setExtraHTTPHeaders({ "accept-language": "en-US,en;q=0.9" });
  await page.goto(intent.checkout_url);
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.getByRole("heading", { name: "Kaffeerösterei Nord bezahlen" })).toBeVisible();
  await expect(page.getByText("1.234,56 €").first()).toBeVisible();
  await expect(page.getByText("Menge 2 × 617,28 €")).toBeVisible();

  await page.getByLabel("Kartennummer").fill("4000 0000 0000 9995");
  await page.getByLabel("Ablaufdatum (MM / JJ)").fill(FUTURE_EXPIRY);
  await page.getByLabel("Sicherheitscode").fill("123");
  await page.getByRole("button", { name: "1.234,56 € bezahlen" }).click();
  await expect(page.locator("#payment-error")).toContainText("Ihre Karte ist nicht ausreichend gedeckt. (Ablehnungscode 51)");
  await expect(page.locator("#payment-error")).toContainText("noch 4 Versuche");

  // A mistake the page catches itself is in German too.
  await page.getByLabel("Kartennummer").fill("4242 4242 4242 4241");
  await page.getByRole("button", { name: "1.234,56 € bezahlen" }).click();
  await expect(page.locator("#card-number-error")).toHaveText("Ihre Kartennummer ist ungültig.");
});

test.describe("a browser that asks for Japanese", () => {
  test.use({ locale: "ja-JP" });

  test("gets a Japanese checkout when the merchant gave no locale, and the paid page in Japanese", async ({ page, request, merchantSite }) => {
    const merchant = await signUpMerchant(request, { display_name: "Tokyo Beans" });
    const intent = await createIntent(request, merchant, merchantSite.origin, { amount: 4200, currency: "JPY", ui_mode: "embedded" });
    await page.goto(intent.checkout_url);
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
    await expect(page.getByRole("heading", { name: "カードで支払う" })).toBeVisible();
    await expect(page.getByText("￥4,200").first()).toBeVisible();
    await page.getByLabel("カード番号").fill("4242 4242 4242 4242");
    await page.getByLabel("有効期限（MM / YY）").fill(FUTURE_EXPIRY);
    await page.getByLabel("セキュリティコード").fill("123");
    await page.getByRole("button", { name: "￥4,200 を支払う" }).click();
    await expect(page.getByText("お支払いが完了しました")).toBeVisible();
    await expect(page.getByText("Tokyo Beans へのお支払い済み")).toBeVisible();
  });

  test("still gets the merchant's language when the intent names one", async ({ page, request, merchantSite }) => {
    const merchant = await signUpMerchant(request);
    const intent = await createIntent(request, merchant, merchantSite.origin, { locale: "fr" });
    await page.goto(intent.checkout_url);
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.getByRole("heading", { name: "Payer par carte" })).toBeVisible();
  });
});

test("refuses a locale Kassa does not speak with a clear 400", async ({ request, merchantSite }) => {
  const merchant = await signUpMerchant(request);
  const response = await request.post("/api/v1/payment-intents", {
    headers: { authorization: `Bearer ${merchant.secretKey}` },
    data: { amount: 4200, currency: "USD", success_url: `${merchantSite.origin}/ok`, cancel_url: `${merchantSite.origin}/cart`, locale: "tlh" },
  });
  expect(response.status()).toBe(400);
  expect((await response.json()).error).toMatchObject({ param: "locale", message: expect.stringContaining("auto") });
});
