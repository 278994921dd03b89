import path from "node:path";
import { defineConfig } from "vitest/config";

/** npm run bench:scale: the million-payment figures and plans (scripts/bench/scale-check.ts). Not part of npm test. */
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: { include: ["scripts/bench/scale-check.ts"], environment: "node", fileParallelism: false },
});
