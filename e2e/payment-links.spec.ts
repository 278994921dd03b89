import { expect, test } from "./support/fixtures";
import { signUpMerchant } from "./support/api";
import { fillCard, payButton } from "./support/checkout-page";
import { signIn } from "./support/dashboard";
import { lookAt } from "./support/look";

test("a payment link made in the dashboard is paid by a stranger and listed under its link, then turned off", async ({ page, request, browser }) => {
  const merchant = await signUpMerchant(request);
  await signIn(page, merchant.email, merchant.password, "/dashboard/payment-links");
  await lookAt(page, "payment-links-empty");
  await page.getByLabel("Name", { exact: true }).fill("Espresso beans, 1 kg");
  await page.getByLabel("Currency").fill("EUR");
  await page.getByLabel("Amount").fill("24.00");
  await page.getByLabel("Most a buyer may buy at once").fill("3");
  await page.getByRole("button", { name: "Create link" }).click();
  await page.waitForURL(/\/dashboard\/payment-links\/plink_/);
  const url = (await page.getByTestId("link-url").textContent())!.trim();
  expect(url).toMatch(/\/l\/[A-Za-z0-9]{8}$/);
  await expect(page.getByRole("img", { name: `QR code for ${url}` })).toBeVisible();
  await lookAt(page, "payment-link-new");

  // A buyer with nothing of the merchant's: a fresh browser.
  const buyer = await browser.newContext({ locale: "en-US" });
  const buyerPage = await buyer.newPage();
  await buyerPage.goto(url);
  await buyerPage.getByLabel("Quantity").fill("2");
  await lookAt(buyerPage, "payment-link-quantity");
  await buyerPage.getByRole("button", { name: "Continue to payment" }).click();
  await buyerPage.waitForURL(/\/pay\/pi_/);
  await expect(payButton(buyerPage)).toHaveText(/€48\.00/);
  await fillCard(buyerPage, "4242 4242 4242 4242");
  await payButton(buyerPage).click();
  await expect(buyerPage.getByText("Payment successful")).toBeVisible();

  await page.reload();
  const totals = page.getByTestId("link-totals");
  await expect(totals).toContainText(/Paid\s*1 payment/);
  await expect(totals).toContainText(/Net \(EUR\)\s*€48\.00/);
  const payments = page.getByRole("table", { name: "Payments through this link" });
  await expect(payments).toContainText("€48.00");
  await expect(payments).toContainText("succeeded");
  await lookAt(page, "payment-link-paid");

  // The payments list filters by link too.
  await page.getByRole("link", { name: "All in Payments →" }).click();
  await expect(page.getByLabel("Payment link")).toHaveValue(/^plink_/);
  await expect(page.getByRole("table", { name: "Payments" }).locator("tbody tr")).toHaveCount(1);

  await page.goBack();
  await page.getByRole("button", { name: "Deactivate" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Deactivate link" }).click();
  await expect(page.getByText("Its page tells buyers it is no longer active.")).toBeVisible();
  const response = await buyerPage.goto(url);
  expect(response!.status()).toBe(410);
  await expect(buyerPage.getByRole("heading", { name: "This payment link is no longer active" })).toBeVisible();
  await lookAt(buyerPage, "payment-link-inactive");
  await buyer.close();
});

test("a link where the buyer chooses the amount refuses one outside its range, in the buyer's language", async ({ request, browser }) => {
  const merchant = await signUpMerchant(request);
  const created = await request.post("/api/v1/payment-links", {
    headers: { authorization: `Bearer ${merchant.secretKey}` },
    data: { name: "Trinkgeld", currency: "EUR", custom_amount: { minimum: 100, maximum: 5000 } },
  });
  expect(created.status()).toBe(201);
  const { url } = await created.json();
  const buyer = await browser.newContext({ locale: "de-DE" });
  const page = await buyer.newPage();
  await page.goto(url);
  const amount = page.getByLabel("Betrag (EUR)");
  await amount.fill("80,00");
  await page.getByRole("button", { name: "Weiter zur Zahlung" }).click();
  await expect(page.getByLabel("Betrag (EUR)")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText(/Geben Sie einen Betrag von 1,00\s€ bis 50,00\s€ ein\./)).toBeVisible();
  await page.getByLabel("Betrag (EUR)").fill("7,50");
  await page.getByRole("button", { name: "Weiter zur Zahlung" }).click();
  await page.waitForURL(/\/pay\/pi_/);
  await expect(page.locator("#pay-button")).toContainText("7,50");
  await buyer.close();
});
