// The checkout page as a phone sees it: JavaScript it loads (compressed, as sent, and unpacked),
// everything it transfers, and its Largest Contentful Paint from Chromium's own performance entries.
import fs from "node:fs";
import { chromium } from "@playwright/test";

export async function checkoutWeight(url) {
  const executablePath = process.env.PLAYWRIGHT_CHROMIUM_PATH || (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
  const browser = await chromium.launch({
    executablePath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
    await page.addInitScript(() => {
      window.__lcp = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__lcp = entry.startTime;
      }).observe({ type: "largest-contentful-paint", buffered: true });
    });
    await page.goto(url, { waitUntil: "networkidle" });
    await page.getByLabel("Card number").click();
    return await page.evaluate(() => {
      const resources = performance.getEntriesByType("resource");
      const [navigation] = performance.getEntriesByType("navigation");
      const scripts = resources.filter((entry) => entry.initiatorType === "script" || /\.js(\?|$)/.test(entry.name));
      const sum = (list, key) => list.reduce((total, entry) => total + (entry[key] || 0), 0);
      return {
        scripts: scripts.length,
        jsCompressed: sum(scripts, "encodedBodySize"),
        jsUnpacked: sum(scripts, "decodedBodySize"),
        transferred: sum(resources, "transferSize") + (navigation?.transferSize ?? 0),
        lcpMs: Math.round(window.__lcp),
        files: scripts.map((entry) => [entry.name.replace(/^.*\/_next\//, "/_next/"), entry.encodedBodySize]),
      };
    });
  } finally {
    await browser.close();
  }
}
