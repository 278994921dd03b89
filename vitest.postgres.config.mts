import { defineConfig } from "vitest/config";
import base from "./vitest.config.mts";

/**
 * The second pass, on PostgreSQL: the files whose outcome can differ from the embedded database's
 * (transactions, locks, racing requests, SQL that PGlite might take differently), not the rows of
 * validation and rendering that the first pass already covers.
 */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    // Replaces the first pass's list (mergeConfig would add to it).
    include: [
      "app/api/__tests__/fuzz.test.ts",
      "app/api/__tests__/hardening-defects.test.ts",
      "app/api/payments/__tests__/woocommerce-plugin.test.ts",
      "app/api/public/__tests__/seed-002-service.test.ts",
      "app/api/v1/__tests__/confirm.test.ts",
      "app/api/v1/__tests__/hardening.test.ts",
      "app/api/v1/__tests__/idempotency.test.ts",
      "app/api/v1/__tests__/money-movement.test.ts",
      "app/api/v1/__tests__/payment-intents.test.ts",
      "lib/accounts/__tests__/*.test.ts",
      "lib/checkout/__tests__/settle-attempt.test.ts",
      "lib/checkout/__tests__/submit-checkout-form.test.ts",
      "lib/checkout/__tests__/three-d-secure.test.ts",
      "lib/dashboard/__tests__/*.test.ts",
      "lib/dialects/stripe/__tests__/*.test.ts",
      "lib/rate-limits/__tests__/*.test.ts",
      "lib/stablecoins/__tests__/chain-payments.test.ts",
      "lib/stablecoins/__tests__/deposit-behind.test.ts",
      "lib/stablecoins/__tests__/two-watchers.test.ts",
      "lib/subscriptions/__tests__/*.test.ts",
      "lib/test-clocks/__tests__/*.test.ts",
      "lib/test-helpers/__tests__/*.test.ts",
      "lib/webhooks/__tests__/*.test.ts",
      "lib/worker/__tests__/*.test.ts",
    ],
  },
});
