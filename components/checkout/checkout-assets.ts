import fs from "node:fs";
import path from "node:path";

type Asset = { href: string; integrity: string };
export type CheckoutAssets = { script: Asset; style: Asset };

let cached: CheckoutAssets | null = null;

/**
 * The checkout's own script and stylesheet, built by scripts/build-checkout-assets.mjs (before
 * `next build`, `next dev` and the tests) under content-hashed names, with their SRI hashes.
 */
export function checkoutAssets(): CheckoutAssets {
  if (cached && process.env.NODE_ENV === "production") return cached;
  const file = path.join(process.cwd(), "public", "checkout", "manifest.json");
  try {
    cached = JSON.parse(fs.readFileSync(file, "utf8")) as CheckoutAssets;
  } catch {
    throw new Error(`The checkout's assets are missing (${file}): run \`node scripts/build-checkout-assets.mjs\`.`);
  }
  return cached;
}
