import { html } from "@/lib/html/html";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { checkoutDocument } from "./checkout-document";

export type CheckoutErrorStatus = 403 | 404 | 500;

const KEYS = {
  403: ["pages.forbiddenTitle", "pages.forbiddenBody"],
  404: ["pages.notFoundTitle", "pages.notFoundBody"],
  500: ["pages.unavailableTitle", "pages.unavailableBody"],
} as const;

/** What a buyer sees instead of a checkout: a wrong link, no such payment, or a fault on our side. */
export function renderCheckoutErrorPage(status: CheckoutErrorStatus, locale: Locale, nonce: string): string {
  const t = translator(locale);
  const [title, body] = KEYS[status];
  return checkoutDocument({
    locale,
    title: t(title),
    nonce,
    brandColor: null,
    embedded: false,
    footer: null,
    body: html`<div class="mx-auto max-w-md px-2 py-16 text-center">
  <p class="text-sm font-semibold text-slate-500">${status}</p>
  <h1 class="mt-2 text-2xl font-semibold text-slate-900">${t(title)}</h1>
  <p class="mt-3 text-slate-600">${t(body)}</p>
</div>`,
  });
}
