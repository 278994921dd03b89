import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * Tests that run the built app as real processes: killed with SIGKILL and restarted, or two of them
 * on one PostgreSQL. They need `next build` first, so npm test runs them after the build.
 */
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["e2e/instances/**/*.itest.ts"],
    environment: "node",
    testTimeout: 120_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
