import { test as base, expect } from "@playwright/test";
import { startMerchantSite, type MerchantSite } from "./parent-site";

/**
 * Every test gets the merchant's website on a second origin, started once per worker, and a watch
 * on Content-Security-Policy violations in every page and frame: Chromium reports each one on the
 * console, and a test fails on any it did not expect (PCI DSS 6.4.3: no script runs that the policy
 * does not allow, and the policy never stands in a real flow's way). An uncaught exception in any
 * page fails the test too.
 */
export const test = base.extend<{ cspViolations: string[]; expectedCspViolations: RegExp[]; pageErrors: string[] }, { merchantSite: MerchantSite }>({
  merchantSite: [
    async ({}, use) => {
      const site = await startMerchantSite();
      await use(site);
      await site.close();
    },
    { scope: "worker" },
  ],
  expectedCspViolations: [[], { option: true }],
  cspViolations: [
    async ({ page, expectedCspViolations }, use) => {
      const violations: string[] = [];
      page.on("console", (message) => {
        const text = message.text();
        if (/Content Security Policy/i.test(text) && !expectedCspViolations.some((expected) => expected.test(text))) violations.push(text);
      });
      await use(violations);
      expect(violations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
  // An exception in a page's script fails the test, even where the no-JavaScript fallback would
  // have hidden it by posting the form instead.
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      await use(errors);
      expect(errors, "uncaught exceptions in the page").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
