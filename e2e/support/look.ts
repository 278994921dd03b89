import type { Page } from "@playwright/test";

/**
 * With SHOT_DIR set, saves the page at phone and desktop widths (SHOT_DIR/<name>-390.png and
 * -1280.png), for a person to look at; without it, does nothing. Never an assertion.
 */
export async function lookAt(page: Page, name: string): Promise<void> {
  const dir = process.env.SHOT_DIR;
  if (!dir) return;
  const original = page.viewportSize();
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${dir}/${name}-${width}.png`, fullPage: true });
  }
  if (original) await page.setViewportSize(original);
}
