import type { FrameLocator, Page } from "@playwright/test";

export const FUTURE_EXPIRY = `12 / ${String((new Date().getFullYear() + 3) % 100).padStart(2, "0")}`;

/** Types a card the way a buyer would, into the page itself or into a framed checkout. */
export async function fillCard(target: Page | FrameLocator, number: string, options: { expiry?: string; cvc?: string } = {}) {
  await target.getByLabel("Card number").fill(number);
  await target.getByLabel("Expiry (MM / YY)").fill(options.expiry ?? FUTURE_EXPIRY);
  await target.getByLabel("Security code").fill(options.cvc ?? "123");
  await target.getByLabel("Name on card").fill("Ada Buyer");
}

export function payButton(target: Page | FrameLocator) {
  return target.getByRole("button", { name: /^Pay / });
}
