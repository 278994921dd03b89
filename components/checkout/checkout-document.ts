import { contrastingText } from "@/lib/ui/contrast";
import { html, jsonScript, type Html } from "@/lib/html/html";
import type { Locale } from "@/lib/i18n/locales";
import { checkoutAssets } from "./checkout-assets";
import type { CheckoutPageData } from "./page-data";

export const DEFAULT_BRAND = "#4f46e5";

export type CheckoutDocument = {
  locale: Locale;
  title: string;
  /** The nonce of this response's Content-Security-Policy, for the page's only scripts. */
  nonce: string;
  brandColor: string | null;
  embedded: boolean;
  /**
   * Load again after a while, with or without JavaScript: the same page for a payment still being
   * processed, the merchant's page after the expired screen.
   */
  refresh?: { seconds: number; url?: string };
  /** Reload after this many seconds, only when scripts are off (a script follows the page itself). */
  noscriptRefresh?: number;
  body: Html;
  footer: string | null;
  data?: CheckoutPageData;
};

/**
 * A whole checkout document: plain HTML and one small stylesheet, and, when the page has a form to
 * drive, one small deferred script. No framework runtime reaches the buyer.
 */
export function checkoutDocument(page: CheckoutDocument): string {
  const assets = checkoutAssets();
  const brand = page.brandColor && /^#[0-9a-fA-F]{6}$/.test(page.brandColor) ? page.brandColor : DEFAULT_BRAND;
  const frame = page.embedded ? "bg-white" : "min-h-screen bg-slate-50";
  const main = page.embedded ? "px-4 py-5" : "mx-auto max-w-5xl px-4 py-8 sm:px-6 md:py-16";
  const doc = html`<!DOCTYPE html>
<html lang="${page.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
${page.refresh && html`<meta http-equiv="refresh" content="${page.refresh.seconds}${page.refresh.url ? `;url=${page.refresh.url}` : ""}">`}
${!page.refresh && page.noscriptRefresh && html`<noscript><meta http-equiv="refresh" content="${page.noscriptRefresh}"></noscript>`}
<title>${page.title} · Kassa</title>
<link rel="icon" href="/icon.svg">
<link rel="stylesheet" href="${assets.style.href}" integrity="${assets.style.integrity}">
</head>
<body class="font-sans ${frame}" style="--brand: ${brand}; --brand-contrast: ${contrastingText(brand)}">
<div id="checkout">
<main class="${main}">${page.body}</main>
${page.footer && html`<footer class="pb-8 text-center text-xs text-slate-600">${page.footer}</footer>`}
</div>
${page.data && html`${jsonScript("checkout-data", page.data, page.nonce)}
<script src="${assets.script.href}" integrity="${assets.script.integrity}" nonce="${page.nonce}" defer></script>`}
</body>
</html>`;
  return doc.value;
}
