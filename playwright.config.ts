import { execFileSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./e2e/support/chromium";

/**
 * A port nobody holds right now, chosen once by the runner: its workers load this file again, and
 * inherit E2E_PORT from it instead of choosing another.
 */
function freePort(): string {
  const script = "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return execFileSync(process.execPath, ["-e", script]).toString();
}
process.env.E2E_PORT ??= freePort();
process.env.E2E_SMTP_PORT ??= freePort();
process.env.E2E_MAIL_API_PORT ??= freePort();
const port = Number(process.env.E2E_PORT);
/** Where the tests read the receipts Kassa sent (e2e/support/smtp-sink-server.mjs). */
const mailApi = `http://127.0.0.1:${process.env.E2E_MAIL_API_PORT}`;
const baseURL = `http://localhost:${port}`;


export default defineConfig({
  testDir: "e2e",
  testIgnore: ["instances/**"],
  outputDir: "test-results",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Two cores: a second worker competes with the server it is testing.
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: chromiumLaunchOptions,
  },
  webServer: [
    {
      // The mail provider: receipts go to it over SMTP, and the tests read them back over HTTP.
      command: "node e2e/support/smtp-sink-server.mjs",
      url: `${mailApi}/health`,
      timeout: 30_000,
      reuseExistingServer: false,
      env: { SMTP_PORT: process.env.E2E_SMTP_PORT!, HTTP_PORT: process.env.E2E_MAIL_API_PORT! },
    },
    {
      // As production runs it (npm start): the server that reads the client's address from the socket.
      command: "node scripts/start.mjs",
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
        // The cheapest scrypt Kassa allows: the tests sign up and in a lot, from one address.
        KASSA_PASSWORD_COST: "10",
        KASSA_SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT}`,
        // Failures only: a line per request would bury the test run's own output.
        KASSA_LOG_LEVEL: "warn",
      },
    },
  ],
});
