import { expect, test } from "./support/fixtures";
import { createIntent, readIntent, signUpMerchant } from "./support/api";
import { fillCard, payButton } from "./support/checkout-page";

async function outcomes(page: import("@playwright/test").Page) {
  return (await page.locator("#outcomes li").allTextContents()).map((text) => JSON.parse(text) as { kind: string; value: unknown });
}

test("kassa.js mounts the checkout inline on another origin: the frame fits it, and the page hears each outcome", async ({ page, request, baseURL, merchantSite }) => {
  const merchant = await signUpMerchant(request, { allowed_origins: [merchantSite.origin] });
  const intent = await createIntent(request, merchant, merchantSite.origin, { ui_mode: "embedded" });
  await page.goto(`${merchantSite.origin}/kassa-js?kassa=${encodeURIComponent(baseURL!)}&mode=inline&checkout=${encodeURIComponent(intent.checkout_url)}`);
  await page.getByRole("button", { name: "Pay now" }).click();
  const iframe = page.locator("#checkout iframe");
  const frame = page.frameLocator("#checkout iframe");
  await expect(payButton(frame)).toBeVisible();
  // The frame takes the checkout's height, posted by the checkout itself.
  await expect.poll(async () => Math.abs((await iframe.boundingBox())!.height - (await frame.locator("#checkout").boundingBox())!.height)).toBeLessThan(8);

  await fillCard(frame, "4000 0000 0000 9995");
  await payButton(frame).click();
  await expect.poll(() => outcomes(page)).toContainEqual({ kind: "onFailure", value: 4 });
  await fillCard(frame, "4242 4242 4242 4242");
  await payButton(frame).click();
  await expect.poll(() => outcomes(page)).toEqual([
    { kind: "onFailure", value: 4 },
    { kind: "onSuccess", value: "succeeded" },
    { kind: "outcome", value: "succeeded" },
  ]);
  // The outcome stays on the page, and the frame shrinks to it.
  await expect(frame.getByText("Payment successful")).toBeVisible();
  await expect.poll(async () => Math.abs((await iframe.boundingBox())!.height - (await frame.locator("#checkout").boundingBox())!.height)).toBeLessThan(8);
  expect((await readIntent(request, merchant, intent.id)).status).toBe("succeeded");
});

test("kassa.js opens the checkout in an accessible modal: focus stays in it, Escape closes it, and it settles when paid", async ({ page, request, baseURL, merchantSite }) => {
  const merchant = await signUpMerchant(request, { allowed_origins: [merchantSite.origin] });
  const intent = await createIntent(request, merchant, merchantSite.origin, { ui_mode: "embedded" });
  await page.goto(`${merchantSite.origin}/kassa-js?kassa=${encodeURIComponent(baseURL!)}&mode=modal&checkout=${encodeURIComponent(intent.checkout_url)}`);
  const opener = page.getByRole("button", { name: "Pay now" });

  await opener.click();
  const dialog = page.getByRole("dialog", { name: "Checkout" });
  await expect(dialog).toBeVisible();
  await expect(page.getByRole("button", { name: "Close" })).toBeFocused();
  // Tab goes to the checkout, and Shift+Tab from the close button wraps into the checkout too: never behind the dialog.
  await page.keyboard.press("Shift+Tab");
  await expect(dialog.locator("iframe")).toBeFocused();
  await page.getByRole("button", { name: "Close" }).focus();
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();
  await expect.poll(() => outcomes(page)).toEqual([{ kind: "outcome", value: "closed" }]);

  // Escape pressed inside the checkout's frame closes it too.
  await opener.click();
  const frame = page.frameLocator("[role=dialog] iframe");
  await frame.getByLabel("Card number").click();
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);

  await opener.click();
  await fillCard(frame, "4242 4242 4242 4242");
  await payButton(frame).click();
  await expect(frame.getByText("Payment successful")).toBeVisible();
  // Closed straight after paying, the payment still settles as succeeded, not as closed.
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect.poll(async () => (await outcomes(page)).filter((entry) => entry.kind === "outcome").at(-1)).toEqual({ kind: "outcome", value: "succeeded" });
});
