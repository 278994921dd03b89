import { randomUUID } from "node:crypto";
import { expect, test } from "./support/fixtures";
import { createIntent, signUpMerchant } from "./support/api";
import { fillCard, payButton } from "./support/checkout-page";
import { signIn } from "./support/dashboard";
import { mailFor } from "./support/mail";

test("the buyer's receipt arrives over SMTP after the payment, and another after a refund, in their language", async ({ page, request, merchantSite }) => {
  const merchant = await signUpMerchant(request, { display_name: "Tostadores del Norte" });
  const buyer = `comprador-${randomUUID()}@example.com`;
  const intent = await createIntent(request, merchant, merchantSite.origin, {
    customer_email: buyer,
    locale: "es",
    reference_id: "PEDIDO-1042",
    currency: "EUR",
    line_items: [{ name: "Café de Huila", quantity: 1, unit_amount: 4200 }],
  });
  await page.goto(intent.checkout_url);
  // The merchant sent the buyer's email, so the page does not ask for it.
  await expect(page.locator("#card-email")).toHaveCount(0);
  await page.getByLabel("Número de tarjeta").fill("4242 4242 4242 4242");
  await page.getByLabel("Caducidad (MM / AA)").fill("12 / 40");
  await page.getByLabel("Código de seguridad").fill("123");
  await page.getByRole("button", { name: /^Pagar / }).click();
  await page.waitForURL(`${merchantSite.origin}/thanks**`);

  const [receipt] = await mailFor(buyer);
  expect(receipt!.subject).toBe("Tu recibo de Tostadores del Norte");
  expect(receipt!.from).toContain("Tostadores del Norte via Kassa");
  expect(receipt!.text).toContain("Importe pagado: 42,00 €");
  expect(receipt!.text).toContain("Visa terminada en 4242");
  expect(receipt!.text).toContain("Referencia: PEDIDO-1042");
  expect(receipt!.text).toContain("1 × Café de Huila");
  expect(receipt!.html).toContain("Recibo de Tostadores del Norte");

  const refund = await request.post(`/api/v1/payment-intents/${intent.id}/refunds`, { headers: { authorization: `Bearer ${merchant.secretKey}` }, data: { amount: 1200 } });
  expect(refund.status()).toBe(201);
  const [, refunded] = await mailFor(buyer, 2);
  expect(refunded!.subject).toBe("Tu reembolso de Tostadores del Norte");
  expect(refunded!.text).toContain("Importe reembolsado: 12,00 €");

  // The merchant sees both in the dashboard's mailbox.
  await signIn(page, merchant.email, merchant.password, "/dashboard/developers/emails");
  await expect(page.getByTestId("email")).toHaveCount(2);
  await page.getByRole("link", { name: "Tu reembolso de Tostadores del Norte" }).click();
  await expect(page.getByText(`${buyer}`).first()).toBeVisible();
  await expect(page.frameLocator("iframe[title='Email preview']").getByText("Importe reembolsado")).toBeVisible();
});

test("the checkout asks for an email when the merchant sent none, and the receipt goes there", async ({ page, request, merchantSite }) => {
  const merchant = await signUpMerchant(request);
  const intent = await createIntent(request, merchant, merchantSite.origin);
  const buyer = `typed-${randomUUID()}@example.com`;
  await page.goto(intent.checkout_url);
  await fillCard(page, "4242 4242 4242 4242");
  await page.getByLabel("Email for your receipt").fill("not-an-address");
  await payButton(page).click();
  await expect(page.locator("#card-email-error")).toHaveText("Enter a valid email address, or leave it empty.");
  await page.getByLabel("Email for your receipt").fill(buyer);
  await payButton(page).click();
  await page.waitForURL(`${merchantSite.origin}/thanks**`);
  const [receipt] = await mailFor(buyer);
  expect(receipt!.subject).toBe("Your receipt from E2E Shop");
  expect(receipt!.text).toContain("Amount paid: $42.00");
});

test("a merchant who turned receipts off sends none, and the checkout stops asking", async ({ page, request, merchantSite }) => {
  const merchant = await signUpMerchant(request, { receipts_enabled: false });
  const intent = await createIntent(request, merchant, merchantSite.origin, { customer_email: `off-${randomUUID()}@example.com` });
  const other = await createIntent(request, merchant, merchantSite.origin);
  await page.goto(other.checkout_url);
  await expect(page.getByLabel("Card number")).toBeVisible();
  await expect(page.locator("#card-email")).toHaveCount(0);
  await page.goto(intent.checkout_url);
  await fillCard(page, "4242 4242 4242 4242");
  await payButton(page).click();
  await page.waitForURL(`${merchantSite.origin}/thanks**`);
  await signIn(page, merchant.email, merchant.password, "/dashboard/developers/emails");
  await expect(page.getByText("No receipts yet")).toBeVisible();
});
