import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://localhost:${port}`;

// Debian's Chromium here; elsewhere set PLAYWRIGHT_CHROMIUM_PATH, or leave it unset to use Playwright's own.
const executablePath =
  process.env.PLAYWRIGHT_CHROMIUM_PATH || (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  testIgnore: ["instances/**"],
  outputDir: "test-results",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: `npx next start -p ${port}`,
    url: `${baseURL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(port),
      KASSA_PUBLIC_URL: baseURL,
      // A fresh embedded database per run, as on a fresh clone.
      KASSA_DATA_DIR: path.join(os.tmpdir(), `kassa-e2e-${process.pid}-${Date.now()}`),
      DATABASE_URL: "",
      AUTH_SECRET: "e2e-secret-not-for-production-0123456789",
      // The tests' webhook receivers listen on loopback.
      KASSA_ALLOW_PRIVATE_WEBHOOKS: "1",
      KASSA_WORKER_POLL_MS: "200",
    },
  },
});
