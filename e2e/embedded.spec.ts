import { expect, test } from "./support/fixtures";
import type { Page } from "@playwright/test";
import { createIntent, readIntent, signUpMerchant } from "./support/api";
import { fillCard, payButton } from "./support/checkout-page";
import { startMerchantSite } from "./support/parent-site";

/** What the merchant's page heard; its frame's `resize` messages only when asked for. */
async function receivedEvents(page: Page, { resize = false } = {}): Promise<{ origin: string; data: Record<string, unknown> }[]> {
  const items = (await page.locator("#events li").allTextContents()).map((text) => JSON.parse(text));
  return resize ? items : items.filter((item) => item.data.event !== "resize");
}

test("an embedded checkout posts its events to a parent page on another origin", async ({ page, request, baseURL, merchantSite: parent }) => {
  const merchant = await signUpMerchant(request, { allowed_origins: [parent.origin] });
  const intent = await createIntent(request, merchant, parent.origin, { ui_mode: "embedded", reference_id: "ORDER-123456" });
  await page.goto(`${parent.origin}/frame?checkout=${encodeURIComponent(intent.checkout_url)}`);
  const frame = page.frameLocator("iframe[title=Checkout]");

  await expect.poll(async () => (await receivedEvents(page)).map((e) => e.data.event)).toContain("payment.started");
  await fillCard(frame, "4000 0000 0000 9995");
  await payButton(frame).click();
  await expect(frame.locator("#payment-error")).toContainText("decline code 51");
  await fillCard(frame, "4242 4242 4242 4242");
  await payButton(frame).click();
  await expect(frame.getByText("Payment successful")).toBeVisible();

  await expect.poll(async () => (await receivedEvents(page)).map((e) => e.data.event)).toEqual([
    "payment.started",
    "payment.failed",
    "payment.success",
  ]);
  const events = await receivedEvents(page);
  const kassaOrigin = new URL(baseURL!).origin;
  for (const { origin, data } of events) {
    expect(origin).toBe(kassaOrigin);
    expect(data).toMatchObject({ intent_id: intent.id, client_reference_id: "ORDER-123456", message: expect.any(String) });
  }
  // A decline the buyer may retry does not claim the intent failed, and says how many tries are left.
  expect(events[1]!.data).toMatchObject({ status: "requires_payment_method", decline_code: "51", attempts_left: 4, final: false });
  expect(events[2]!.data).toMatchObject({ status: "succeeded" });
  expect((await readIntent(request, merchant, intent.id)).status).toBe("succeeded");
});

test("an embedded checkout posts payment.canceled when the buyer cancels", async ({ page, request, merchantSite: parent }) => {
  const merchant = await signUpMerchant(request, { allowed_origins: [parent.origin] });
  const intent = await createIntent(request, merchant, parent.origin, { ui_mode: "embedded" });
  await page.goto(`${parent.origin}/frame?checkout=${encodeURIComponent(intent.checkout_url)}`);
  const frame = page.frameLocator("iframe[title=Checkout]");
  await expect.poll(async () => (await receivedEvents(page)).map((e) => e.data.event)).toContain("payment.started");
  await frame.getByRole("button", { name: /Cancel and return/ }).click();
  await expect(frame.getByText("Payment canceled")).toBeVisible();
  await expect.poll(async () => (await receivedEvents(page)).map((e) => e.data.event)).toContain("payment.canceled");
  expect((await readIntent(request, merchant, intent.id)).status).toBe("canceled");
});

test.describe("a site the merchant did not allow", () => {
  test.use({ expectedCspViolations: [/frame-ancestors/] });

  test("cannot frame the checkout", async ({ page, request, merchantSite: parent }) => {
    const merchant = await signUpMerchant(request, { allowed_origins: ["https://shop.example"] });
    const intent = await createIntent(request, merchant, parent.origin, { ui_mode: "embedded" });
    const response = await request.get(intent.checkout_url);
    expect(response.headers()["content-security-policy"]).toContain("frame-ancestors 'self' https://shop.example;");
    const refused = page.waitForEvent("console", (message) => /frame-ancestors/.test(message.text()));
    await page.goto(`${parent.origin}/frame?checkout=${encodeURIComponent(intent.checkout_url)}`);
    await refused;
    await expect(page.frameLocator("iframe[title=Checkout]").getByLabel("Card number")).toHaveCount(0);
    expect(await receivedEvents(page, { resize: true })).toEqual([]);
  });
});

test.describe("with the framing policy forced open", () => {
  test("a parent the merchant did not allow hears nothing, while an allowed one hears every event", async ({ page, request, merchantSite: allowed }) => {
    // The checkout's answers reach this browser with frame-ancestors opened to anyone (the rest of
    // the policy untouched), so only the page's own origin filter stands between a stranger and
    // the events.
    await page.route(
      (url) => url.pathname.startsWith("/pay/"),
      async (route) => {
        const response = await route.fetch();
        const headers = { ...response.headers(), "content-security-policy": response.headers()["content-security-policy"]!.replace(/frame-ancestors [^;]*/, "frame-ancestors *") };
        await route.fulfill({ response, headers });
      },
    );
    const stranger = await startMerchantSite();
    try {
      const merchant = await signUpMerchant(request, { allowed_origins: [allowed.origin] });
      const intent = await createIntent(request, merchant, allowed.origin, { ui_mode: "embedded" });
      const checkout = encodeURIComponent(intent.checkout_url);

      await page.goto(`${stranger.origin}/frame?checkout=${checkout}`);
      const strangerFrame = page.frameLocator("iframe[title=Checkout]");
      await fillCard(strangerFrame, "4000 0000 0000 9995");
      await payButton(strangerFrame).click();
      // The checkout posts payment.failed as it shows the decline: by now any message would be here.
      await expect(strangerFrame.locator("#payment-error")).toContainText("decline code 51");
      expect(await receivedEvents(page, { resize: true })).toEqual([]);

      await page.goto(`${allowed.origin}/frame?checkout=${checkout}`);
      const allowedFrame = page.frameLocator("iframe[title=Checkout]");
      await fillCard(allowedFrame, "4000 0000 0000 9995");
      await payButton(allowedFrame).click();
      await expect.poll(async () => (await receivedEvents(page)).map((e) => e.data.event)).toEqual(["payment.started", "payment.failed"]);
      for (const { origin } of await receivedEvents(page)) expect(origin).toBe(new URL(intent.checkout_url).origin);
    } finally {
      await stranger.close();
    }
  });
});
