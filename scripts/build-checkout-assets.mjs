#!/usr/bin/env node
/**
 * Builds the hosted checkout's own script and stylesheet into public/checkout/, under
 * content-hashed names, with a manifest the page reads (paths and SRI hashes), and the embed
 * script merchants load from their own pages into public/kassa.js. The checkout is
 * not a React page (see components/checkout), so Next.js does not bundle it; esbuild and
 * Tailwind's PostCSS plugin do, in well under a second. Runs before `next build`, `next dev` and
 * the tests; its output is not committed.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outDir = path.join(root, "public", "checkout");

export async function buildCheckoutAssets() {
  const [script, style, embed] = await Promise.all([buildScript("components/checkout/browser/checkout.ts"), buildStyle(), buildScript("components/embed/kassa.ts")]);
  fs.mkdirSync(outDir, { recursive: true });
  // kassa.js keeps its name: merchants' pages load /kassa.js.
  fs.writeFileSync(path.join(root, "public", "kassa.js"), embed);
  for (const file of fs.readdirSync(outDir)) fs.rmSync(path.join(outDir, file));
  const manifest = { script: write("checkout", "js", script), style: write("checkout", "css", style) };
  copyApiReferenceViewer();
  fs.writeFileSync(path.join(outDir, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
  return manifest;
}

/**
 * /docs shows the OpenAPI documents with Swagger UI (swagger-ui-dist: one prebuilt bundle and its
 * stylesheet, no dependencies of its own), served from this server, so the reference works offline.
 */
function copyApiReferenceViewer() {
  const from = path.join(root, "node_modules", "swagger-ui-dist");
  const to = path.join(root, "public", "docs");
  fs.mkdirSync(to, { recursive: true });
  for (const file of ["swagger-ui-bundle.js", "swagger-ui.css"]) fs.copyFileSync(path.join(from, file), path.join(to, file));
}

async function buildScript(entry) {
  const esbuild = await import("esbuild");
  const result = await esbuild.build({
    entryPoints: [path.join(root, entry)],
    bundle: true,
    minify: true,
    format: "iife",
    // Browsers from 2020 on, which all have ResizeObserver and optional chaining.
    target: "es2020",
    alias: { "@": root },
    tsconfig: path.join(root, "tsconfig.json"),
    write: false,
    legalComments: "none",
  });
  return Buffer.from(result.outputFiles[0].contents);
}

async function buildStyle() {
  const postcss = (await import("postcss")).default;
  const tailwind = (await import("@tailwindcss/postcss")).default;
  const input = path.join(root, "components/checkout/checkout.css");
  const result = await postcss([tailwind({ base: root, optimize: { minify: true } })]).process(fs.readFileSync(input, "utf8"), { from: input });
  return Buffer.from(result.css);
}

function write(name, extension, contents) {
  const hash = createHash("sha256").update(contents).digest("base64url").slice(0, 12);
  const file = `${name}.${hash}.${extension}`;
  fs.writeFileSync(path.join(outDir, file), contents);
  return { href: `/checkout/${file}`, integrity: `sha384-${createHash("sha384").update(contents).digest("base64")}`, bytes: contents.length };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const manifest = await buildCheckoutAssets();
  console.log(`checkout assets: ${manifest.script.href} (${manifest.script.bytes} B), ${manifest.style.href} (${manifest.style.bytes} B), /kassa.js`);
}
