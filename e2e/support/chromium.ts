import fs from "node:fs";

/**
 * How every browser test starts Chromium: Debian's here (elsewhere set PLAYWRIGHT_CHROMIUM_PATH, or
 * leave it unset to use Playwright's own), headless, with nothing that reaches the network by itself.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH || (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined),
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
};
