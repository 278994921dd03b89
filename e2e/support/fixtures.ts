import { test as base } from "@playwright/test";
import { startMerchantSite, type MerchantSite } from "./parent-site";

/** Every test gets the merchant's website on a second origin, started once per worker. */
export const test = base.extend<{}, { merchantSite: MerchantSite }>({
  merchantSite: [
    async ({}, use) => {
      const site = await startMerchantSite();
      await use(site);
      await site.close();
    },
    { scope: "worker" },
  ],
});

export { expect } from "@playwright/test";
