import { expect, test } from "./support/fixtures";
import { createIntent, readIntent, signUpMerchant } from "./support/api";
import { fillCard, payButton } from "./support/checkout-page";


test("pays with 4242 and lands on success_url with the intent id", async ({ page, request, merchantSite }) => {
  const merchant = await signUpMerchant(request, { display_name: "Ada's Pottery", brand_color: "#7c3aed" });
  const intent = await createIntent(request, merchant, merchantSite.origin, {
    line_items: [
      { name: "Blue mug", quantity: 2, unit_amount: 1600 },
      { name: "Shipping", quantity: 1, unit_amount: 1000 },
    ],
  });
  await page.goto(intent.checkout_url);
  await expect(page.getByRole("heading", { name: "Pay Ada's Pottery" })).toBeVisible();
  await expect(page.getByText("$42.00").first()).toBeVisible();
  await expect(page.getByText("Blue mug")).toBeVisible();

  await fillCard(page, "4242 4242 4242 4242");
  await payButton(page).click();
  await page.waitForURL(`${merchantSite.origin}/thanks**`);
  const landed = new URL(page.url());
  expect(landed.searchParams.get("session")).toBe(intent.id);
  expect(landed.searchParams.get("payment_intent")).toBe(intent.id);

  const paid = await readIntent(request, merchant, intent.id);
  expect(paid.status).toBe("succeeded");
  expect(paid.payment_method.card).toMatchObject({ brand: "visa", last4: "4242" });
});

test("shows each decline code and lets the buyer retry", async ({ page, request, merchantSite }) => {
  const merchant = await signUpMerchant(request);
  const intent = await createIntent(request, merchant, merchantSite.origin);
  await page.goto(intent.checkout_url);
  for (const [number, code, words] of [
    ["4000 0000 0000 9995", "51", /insufficient funds/i],
    ["4000 0000 0000 0069", "54", /expired/i],
    ["4000 0000 0000 0127", "N7", /security code/i],
  ] as const) {
    await fillCard(page, number);
    await payButton(page).click();
    const alert = page.locator("#payment-error");
    await expect(alert).toContainText(`decline code ${code}`);
    await expect(alert).toContainText(words);
  }
  await expect(page.locator("#payment-error")).toContainText("2 attempts left");
  await fillCard(page, "5555 5555 5555 4444");
  await payButton(page).click();
  await page.waitForURL(`${merchantSite.origin}/thanks**`);
  const paid = await readIntent(request, merchant, intent.id);
  expect(paid).toMatchObject({ status: "succeeded", attempt_count: 4 });
});

test("checks the card in the page before sending it, and shows one current message", async ({ page, request, merchantSite }) => {
  const merchant = await signUpMerchant(request);
  const intent = await createIntent(request, merchant, merchantSite.origin);
  await page.goto(intent.checkout_url);
  await fillCard(page, "4000 0000 0000 0127");
  await payButton(page).click();
  await expect(page.locator("#payment-error")).toContainText("decline code N7");
  const url = page.url();

  // A mistyped number is caught by the page: no request, no navigation, and the old decline goes away.
  await page.getByLabel("Card number").fill("4242 4242 4242 4241");
  await payButton(page).click();
  await expect(page.locator("#card-number-error")).toHaveText("Your card number is invalid.");
  await expect(page.getByLabel("Card number")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Card number")).toBeFocused();
  await expect(page.locator("#payment-error")).toBeHidden();
  expect(page.url()).toBe(url);
  expect((await readIntent(request, merchant, intent.id)).attempt_count).toBe(1);

  // Typing is formatted as it goes, and the brand is named.
  await page.getByLabel("Card number").fill("378282246310005");
  await expect(page.getByLabel("Card number")).toHaveValue("3782 822463 10005");
  await expect(page.locator("#card-brand")).toHaveText("American Express");
  await expect(page.getByLabel("Security code")).toHaveAttribute("placeholder", "4 digits");
});

test("fails the intent on the fifth decline", async ({ page, request, merchantSite }) => {
  const merchant = await signUpMerchant(request);
  const intent = await createIntent(request, merchant, merchantSite.origin);
  await page.goto(intent.checkout_url);
  for (let attempt = 1; attempt <= 5; attempt++) {
    await fillCard(page, "4000 0000 0000 9995");
    await payButton(page).click();
    if (attempt < 5) await expect(page.locator("#payment-error")).toContainText(`${5 - attempt} attempt`);
  }
  await expect(page.getByText("Payment failed")).toBeVisible();
  // No dead end: the way back is there at once, and no clock counts down a payment that is over.
  await expect(page.getByRole("link", { name: /Return to/ })).toHaveAttribute("href", `${merchantSite.origin}/cart`);
  await expect(page.locator("#countdown")).toHaveCount(0);
  await expect(page.getByText("Payment to E2E Shop")).toBeVisible();
  expect((await readIntent(request, merchant, intent.id)).status).toBe("failed");
  await page.reload();
  await expect(page.getByText("Payment failed")).toBeVisible();
  await expect(payButton(page)).toHaveCount(0);
});

test("answers 403 for a wrong client_secret and 404 for an unknown intent", async ({ page, request, merchantSite }) => {
  const merchant = await signUpMerchant(request);
  const intent = await createIntent(request, merchant, merchantSite.origin);
  const forbidden = await page.goto(`/pay/${intent.id}?client_secret=${intent.id}_secret_guessed`);
  expect(forbidden?.status()).toBe(403);
  await expect(page.getByText("This payment link is not valid")).toBeVisible();
  await expect(page.getByLabel("Card number")).toHaveCount(0);
  const missing = await page.goto(`/pay/${intent.id}`);
  expect(missing?.status()).toBe(403);
  const unknown = await page.goto(`/pay/pi_unknown?client_secret=x`);
  expect(unknown?.status()).toBe(404);
});

test("warns in the last minute, shows the expired screen at zero, then goes back to cancel_url", async ({ page, request, merchantSite }) => {
  const merchant = await signUpMerchant(request);
  // The page's clock stands still until the server has expired the intent; then it jumps to zero.
  await page.clock.install();
  await page.clock.pauseAt(new Date());
  const intent = await createIntent(request, merchant, merchantSite.origin, { expires_in: 10 });
  await page.goto(intent.checkout_url);
  const warning = page.getByRole("alert").filter({ hasText: /Less than a minute left to pay: 0:(0\d|10)/ });
  await expect(warning).toBeVisible();
  await expect.poll(async () => (await readIntent(request, merchant, intent.id)).status, { timeout: 30_000 }).toBe("expired");
  // At zero the page reloads; the server shows what happened, with the way back, then sends the buyer there.
  await page.clock.runFor(15_000);
  await expect(page.getByText("This payment link has expired")).toBeVisible();
  await expect(page.getByText(/no money was taken/i)).toBeVisible();
  await expect(page.getByRole("link", { name: /Return to/ })).toHaveAttribute("href", `${merchantSite.origin}/cart`);
  await expect(payButton(page)).toHaveCount(0);
  await page.waitForURL(`${merchantSite.origin}/cart`);
  await page.goto(intent.checkout_url);
  await page.waitForURL(`${merchantSite.origin}/cart`);
});

test("cancel returns the buyer to cancel_url and cancels the intent", async ({ page, request, merchantSite }) => {
  const merchant = await signUpMerchant(request);
  const intent = await createIntent(request, merchant, merchantSite.origin);
  await page.goto(intent.checkout_url);
  await page.getByRole("button", { name: /Cancel and return/ }).click();
  await page.waitForURL(`${merchantSite.origin}/cart`);
  expect((await readIntent(request, merchant, intent.id)).status).toBe("canceled");
});

test("refuses to be framed in redirect mode, and sends the page under a strict policy", async ({ request, merchantSite }) => {
  const merchant = await signUpMerchant(request);
  const intent = await createIntent(request, merchant, merchantSite.origin);
  const response = await request.get(intent.checkout_url);
  const headers = response.headers();
  const policy = Object.fromEntries(headers["content-security-policy"]!.split("; ").map((directive) => [directive.split(" ")[0], directive]));
  expect(policy["frame-ancestors"]).toBe("frame-ancestors 'none'");
  expect(policy["script-src"]).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}'$/);
  expect(policy["form-action"]).toBe(`form-action 'self' ${merchantSite.origin}`);
  expect([policy["base-uri"], policy["object-src"]]).toEqual(["base-uri 'none'", "object-src 'none'"]);
  expect(headers["content-security-policy"]).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  // Each answer its own nonce, and every script on the page carries it.
  const nonce = /'nonce-([^']+)'/.exec(policy["script-src"]!)![1]!;
  const again = await request.get(intent.checkout_url);
  expect(again.headers()["content-security-policy"]).not.toContain(nonce);
  const scripts = [...(await response.text()).matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["cache-control"]).toMatch(/no-store/);
});

test("never lets a URL that carries the client secret be cached or referred, redirects included", async ({ request, merchantSite }) => {
  const merchant = await signUpMerchant(request);
  const intent = await createIntent(request, merchant, merchantSite.origin);
  const url = new URL(intent.checkout_url);
  const slashed = await request.get(`${url.pathname}/${url.search}`, { maxRedirects: 0 });
  expect(slashed.status()).toBe(308);
  expect(slashed.headers()["location"]).toContain("client_secret=");
  expect(slashed.headers()["cache-control"]).toMatch(/no-store/);
  expect(slashed.headers()["referrer-policy"]).toBe("no-referrer");
  expect(slashed.headers()["x-content-type-options"]).toBe("nosniff");
  const form = await request.post(`${url.pathname}/submit`, { form: { client_secret: intent.client_secret, number: "1", expiry: "1/1", cvc: "1" }, maxRedirects: 0 });
  expect(form.status()).toBe(303);
  expect(form.headers()["cache-control"]).toMatch(/no-store/);
  expect(form.headers()["referrer-policy"]).toBe("no-referrer");
});

test("charges once when Pay is double-clicked", async ({ page, request, merchantSite }) => {
  const merchant = await signUpMerchant(request);
  const intent = await createIntent(request, merchant, merchantSite.origin);
  await page.goto(intent.checkout_url);
  await fillCard(page, "4242 4242 4242 4242");
  await payButton(page).dblclick();
  await page.waitForURL(`${merchantSite.origin}/thanks**`);
  const paid = await readIntent(request, merchant, intent.id);
  expect(paid.attempts).toHaveLength(1);
});
