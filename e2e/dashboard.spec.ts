import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { createIntent, readIntent, signUpMerchant, type E2EMerchant } from "./support/api";
import { fillCard, payButton } from "./support/checkout-page";
import { signIn } from "./support/dashboard";
import { startWebhookReceiver } from "../lib/testing/webhook-receiver";

test("a merchant finds a payment made on the hosted page and refunds part of it", async ({ page, request, merchantSite }) => {
  const merchant = await signUpMerchant(request);
  const intent = await createIntent(request, merchant, merchantSite.origin, { customer_email: "grace@example.com", reference_id: "ORDER-77" });
  await page.goto(intent.checkout_url);
  await fillCard(page, "4242 4242 4242 4242");
  await payButton(page).click();
  await page.waitForURL(`${merchantSite.origin}/thanks**`);

  await signIn(page, merchant.email, merchant.password);
  await page.getByRole("link", { name: "Payments" }).click();
  await page.getByLabel("Search").fill("grace@");
  await page.getByRole("button", { name: "Apply" }).click();
  await page.getByRole("link", { name: "$42.00" }).click();
  await expect(page.getByRole("heading", { name: "$42.00" })).toBeVisible();
  const timeline = page.getByTestId("timeline");
  await expect(timeline).toContainText("Payment succeeded");
  await expect(timeline).toContainText("Visa •••• 4242");

  await page.getByRole("button", { name: "Refund" }).click();
  const dialog = page.getByRole("dialog");
  const amount = dialog.getByLabel("Amount (USD)");
  await amount.fill("50.00");
  await dialog.getByRole("button", { name: "Refund" }).click();
  await expect(amount).toHaveAttribute("aria-invalid", "true");
  await expect(amount).toHaveAccessibleDescription("The refund of 50.00 is more than the 42.00 USD still refundable.");
  // What was typed stays; an emptied box would mean "refund all of it" on the next click.
  await expect(amount).toHaveValue("50.00");
  await amount.fill("12.50");
  await dialog.getByRole("button", { name: "Refund" }).click();
  await expect(page.getByRole("status").filter({ hasText: "$12.50 was refunded." })).toBeVisible();
  await expect(timeline).toContainText("Refunded $12.50");
  expect(await readIntent(request, merchant, intent.id)).toMatchObject({ amount_refunded: 1250, status: "succeeded" });
});

test("a key created in the dashboard works until it is revoked there", async ({ page, request }) => {
  const merchant = await signUpMerchant(request);
  await signIn(page, merchant.email, merchant.password, "/dashboard/developers");
  await page.getByLabel("Label").fill("Warehouse server");
  await page.getByRole("button", { name: "Create secret key" }).click();
  const secret = (await page.getByTestId("secret-value").textContent())!.trim();
  expect(secret).toMatch(/^sk_test_\w{32}$/);
  const list = () => request.get("/api/v1/payment-intents", { headers: { authorization: `Bearer ${secret}` } });
  expect((await list()).status()).toBe(200);

  await page.reload();
  const row = page.getByTestId("api-key-row").filter({ hasText: "Warehouse server" });
  await expect(row).toContainText(/20\d\d-/);
  await row.getByRole("button", { name: "Revoke" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke key" }).click();
  await expect(row).toContainText("revoked");
  expect((await list()).status()).toBe(401);
});

test("a webhook endpoint added in the dashboard shows its deliveries", async ({ page, request }) => {
  const merchant = await signUpMerchant(request);
  const receiver = await startWebhookReceiver();
  try {
    await signIn(page, merchant.email, merchant.password, "/dashboard/developers/webhooks");
    await page.getByLabel("Endpoint URL").fill(receiver.url);
    await page.getByLabel("Description").fill("Order system");
    await page.getByRole("button", { name: "Add endpoint" }).click();
    const secret = (await page.getByTestId("secret-value").textContent())!.trim();
    receiver.trust(secret);
    await page.reload();
    await page.getByRole("link", { name: receiver.url }).click();
    await page.getByRole("button", { name: "Send test event" }).click();
    await expect(page.getByText("A test event is on its way.")).toBeVisible();
    await expect.poll(() => receiver.received.length, { timeout: 15_000 }).toBeGreaterThan(0);
    expect(receiver.received[0]!.verifiedWith).toEqual([secret]);
    expect(receiver.received[0]!.payload.type).toBe("webhook.test");
    await expect
      .poll(async () => {
        await page.reload();
        return page.getByTestId("delivery-log").textContent();
      })
      .toContain("succeeded");
    await page.getByTestId("delivery-log").getByText("webhook.test", { exact: true }).click();
    await expect(page.getByText("Attempt 1: 200")).toBeVisible();
    await expect(page.getByText("answer 200", { exact: true })).toBeVisible();
  } finally {
    await receiver.close();
  }
});

test("a viewer sees payments but cannot refund them", async ({ page, request, merchantSite }) => {
  const owner = await signUpMerchant(request);
  const viewer = await signUpMerchant(request);
  const intent = await createIntent(request, owner, merchantSite.origin);
  await payByApi(request, intent);

  await signIn(page, owner.email, owner.password, "/dashboard/settings/team");
  await page.getByLabel("Email").fill(viewer.email);
  await page.getByLabel("Role", { exact: true }).selectOption("viewer");
  await page.getByRole("button", { name: "Invite" }).click();
  const link = (await page.locator("code").filter({ hasText: "/invite/" }).textContent())!.trim();
  await expect(page.getByText(`${viewer.email} · viewer`)).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/signin/);

  // An account joins only by accepting the link, signed in with the invited email.
  await signIn(page, viewer.email, viewer.password);
  await page.goto(new URL(link).pathname);
  await page.getByRole("button", { name: "Join E2E Shop" }).click();
  await page.waitForURL(/\/dashboard$/);
  await expect(page.getByText(`${viewer.email} · viewer`)).toBeVisible();
  await page.goto(`/dashboard/payments/${intent.id}`);
  await expect(page.getByRole("heading", { name: "$42.00" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Refund" })).toHaveCount(0);
  await expect(page.getByText("Your role can view payments but not change them.")).toBeVisible();
});

async function payByApi(request: APIRequestContext, intent: { id: string; client_secret: string }) {
  const paid = await request.post(`/api/v1/payment-intents/${intent.id}/confirm`, {
    data: { client_secret: intent.client_secret, card: { number: "4242424242424242", exp_month: 12, exp_year: 2040, cvc: "123" } },
  });
  expect(paid.status(), await paid.text()).toBe(200);
  expect((await paid.json()).status).toBe("succeeded");
}

/** An owner invites `email` with `role`; the invited user accepts, signed in. Leaves the page signed in as the invited user. */
async function joinAs(page: Page, owner: E2EMerchant, invited: E2EMerchant, role: string) {
  await signIn(page, owner.email, owner.password, "/dashboard/settings/team");
  await page.getByLabel("Email").fill(invited.email);
  await page.getByLabel("Role", { exact: true }).selectOption(role);
  await page.getByRole("button", { name: "Invite" }).click();
  const link = (await page.locator("code").filter({ hasText: "/invite/" }).first().textContent())!.trim();
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/signin/);
  await signIn(page, invited.email, invited.password);
  await page.goto(new URL(link).pathname);
  await page.getByRole("button", { name: /^Join / }).click();
  await page.waitForURL(/\/dashboard$/);
}

test("the dashboard's server actions check role and merchant on the server, whatever the form sends", async ({ page, request, merchantSite }) => {
  const user = await signUpMerchant(request);
  const other = await signUpMerchant(request);
  const stranger = await signUpMerchant(request);
  const own = await createIntent(request, user, merchantSite.origin);
  const theirs = await createIntent(request, other, merchantSite.origin);
  const strangers = await createIntent(request, stranger, merchantSite.origin);
  for (const intent of [own, theirs, strangers]) await payByApi(request, intent);
  // The user owns their merchant and only views the other one.
  await joinAs(page, other, user, "viewer");
  await page.getByLabel("Merchant").selectOption({ label: "E2E Shop (owner)" });
  // The header is drawn on the server for the merchant chosen: once it says owner, the switch is done.
  await expect(page.getByText(`${user.email} · owner`)).toBeVisible();

  await page.goto(`/dashboard/payments/${own.id}`);
  const forged = async (merchantId: string, intentId: string, refusal: string) => {
    await page.getByRole("button", { name: "Refund" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.locator("input[name=merchant_id]").evaluate((input: HTMLInputElement, value) => void (input.value = value), merchantId);
    await dialog.locator("input[name=intent_id]").evaluate((input: HTMLInputElement, value) => void (input.value = value), intentId);
    await dialog.getByRole("button", { name: "Refund" }).click();
    await expect(dialog.getByRole("alert")).toContainText(refusal);
    await dialog.getByRole("button", { name: "Keep it" }).click();
  };
  // A viewer's refund, sent from a form of a merchant where the user may refund.
  await forged(other.merchantId, theirs.id, "Your role (viewer) does not allow this action.");
  // Another merchant's payment, under the user's own merchant.
  await forged(user.merchantId, theirs.id, `No such payment_intent: '${theirs.id}'`);
  // A merchant the user does not belong to at all.
  await forged(stranger.merchantId, strangers.id, "You are not a member of this merchant");
  for (const [merchant, intent] of [[other, theirs], [stranger, strangers]] as const) {
    expect((await readIntent(request, merchant, intent.id)).amount_refunded).toBe(0);
  }

  // The same form, untouched, does refund the user's own payment.
  await page.reload();
  await page.getByRole("button", { name: "Refund" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Refund" }).click();
  await expect.poll(async () => (await readIntent(request, user, own.id)).amount_refunded).toBe(4200);
});

test("a form sent from a tab opened before switching merchants changes the merchant it was shown for", async ({ page, request }) => {
  const merchant = await signUpMerchant(request);
  const auth = { authorization: `Bearer ${merchant.accessToken}` };
  const second = await (await request.post("/api/v1/merchants", { data: { name: "Second Shop" }, headers: auth })).json();
  await signIn(page, merchant.email, merchant.password);
  await page.getByLabel("Merchant").selectOption({ label: "E2E Shop (owner)" });
  await page.waitForURL(/\/dashboard$/);
  await page.goto("/dashboard/settings");

  const otherTab = await page.context().newPage();
  await otherTab.goto("/dashboard");
  await otherTab.getByLabel("Merchant").selectOption({ label: "Second Shop (owner)" });
  await expect(otherTab.getByLabel("Merchant")).toHaveValue(second.id);

  await page.getByLabel("Name shown to buyers").fill("First tab's name");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  const read = async (id: string) => (await request.get(`/api/v1/merchants/${id}`, { headers: auth })).json();
  expect(await read(merchant.merchantId)).toMatchObject({ display_name: "First tab's name" });
  expect(await read(second.id)).toMatchObject({ display_name: null });
});

test("a suspended merchant's dashboard shows its data but changes nothing", async ({ page, request }) => {
  const merchant = await signUpMerchant(request);
  const auth = { authorization: `Bearer ${merchant.accessToken}` };
  await signIn(page, merchant.email, merchant.password, "/dashboard/settings");
  expect((await request.patch(`/api/v1/merchants/${merchant.merchantId}`, { data: { status: "suspended" }, headers: auth })).status()).toBe(200);
  await page.getByLabel("Name shown to buyers").fill("Should not stick");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "This merchant is suspended" })).toBeVisible();
  const read = await (await request.get(`/api/v1/merchants/${merchant.merchantId}`, { headers: auth })).json();
  expect(read).toMatchObject({ status: "suspended", display_name: null });
});

test("signed-out visitors are sent to sign in and brought back", async ({ page, request }) => {
  const merchant = await signUpMerchant(request);
  await signIn(page, merchant.email, merchant.password, "/dashboard/subscriptions");
  await expect(page.getByRole("heading", { name: "Subscriptions" })).toBeVisible();
});
