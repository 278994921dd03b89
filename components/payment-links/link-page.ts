import { checkoutDocument } from "@/components/checkout/checkout-document";
import { INPUT } from "@/components/checkout/card-form";
import { html } from "@/lib/html/html";
import { intlLocale, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { formatMoney } from "@/lib/money/format";
import { minorToDecimal } from "@/lib/money/decimal";
import type { PublicPaymentLink } from "@/lib/payment-links/find-link-by-slug";
import type { PayableRange } from "@/lib/payment-links/payable-range";

export type { LinkFormError } from "@/lib/payment-links/visit-payment-link";
import type { LinkFormError } from "@/lib/payment-links/visit-payment-link";

/**
 * A link whose price the buyer completes: an amount within what can be paid through it, or how
 * many. Plain HTML; posting it makes the payment intent and goes on to the normal checkout.
 */
export function renderLinkChoicePage(
  { link, merchant }: PublicPaymentLink,
  range: PayableRange,
  locale: Locale,
  nonce: string,
  error: LinkFormError,
  typed: string,
): string {
  const t = translator(locale);
  const money = (minor: number) => formatMoney(minor, link.currency, intlLocale(locale));
  const name = merchant.displayName || merchant.name;
  const errorText = !error
    ? null
    : "minAmount" in range
      ? t("link.amountInvalid", { min: money(range.minAmount), max: money(range.maxAmount) })
      : t("link.quantityInvalid", { min: range.minQuantity, max: range.maxQuantity });
  const input =
    "minAmount" in range
      ? html`<label for="link-amount" class="mb-1 block text-sm font-medium text-slate-700">${t("link.amountLabel", { currency: link.currency })}</label>
      <input id="link-amount" name="amount" inputmode="decimal" autocomplete="off" required maxlength="20" value="${typed || minorToDecimal(range.minAmount, link.currency)}" class="${INPUT}" aria-describedby="link-hint${errorText ? " link-error" : ""}"${errorText ? html` aria-invalid="true"` : ""}>
      <p id="link-hint" class="mt-1 text-sm text-slate-600">${t("link.amountRange", { min: money(range.minAmount), max: money(range.maxAmount) })}</p>`
    : html`<label for="link-quantity" class="mb-1 block text-sm font-medium text-slate-700">${t("link.quantityLabel")}</label>
      <input id="link-quantity" name="quantity" type="number" inputmode="numeric" min="${range.minQuantity}" max="${range.maxQuantity}" step="1" required value="${typed || String(range.minQuantity)}" class="${INPUT}" aria-describedby="link-hint${errorText ? " link-error" : ""}"${errorText ? html` aria-invalid="true"` : ""}>
      <p id="link-hint" class="mt-1 text-sm text-slate-600">${t("link.unitPrice", { amount: money(range.unitAmount) })}</p>`;
  return checkoutDocument({
    locale,
    title: t("link.chooseHeading", { merchant: name }),
    nonce,
    brandColor: merchant.brandColor,
    embedded: false,
    footer: t("checkout.footer"),
    body: html`<div class="mx-auto max-w-md rounded-2xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
  <p class="text-sm font-medium text-slate-600">${t("link.chooseHeading", { merchant: name })}</p>
  <h1 class="mt-1 text-2xl font-semibold text-slate-900">${link.name}</h1>
  <form method="post" action="/l/${link.slug}" class="mt-6 space-y-4" novalidate>
    <div>${input}${errorText && html`<p id="link-error" class="mt-1 text-sm text-red-700">${errorText}</p>`}</div>
    <button type="submit" class="w-full rounded-lg bg-[var(--brand)] px-4 py-3 text-base font-semibold text-[var(--brand-contrast)] shadow-sm transition hover:brightness-110">${t("link.continue")}</button>
  </form>
</div>`,
  });
}

/** What a buyer sees at a link the merchant turned off: honest, and nothing to pay. */
export function renderLinkInactivePage({ link, merchant }: PublicPaymentLink, locale: Locale, nonce: string): string {
  const t = translator(locale);
  const name = merchant.displayName || merchant.name;
  return checkoutDocument({
    locale,
    title: t("link.inactiveTitle"),
    nonce,
    brandColor: merchant.brandColor,
    embedded: false,
    footer: null,
    body: html`<div class="mx-auto max-w-md px-2 py-16 text-center">
  <p class="text-sm font-semibold text-slate-500">${link.name}</p>
  <h1 class="mt-2 text-2xl font-semibold text-slate-900">${t("link.inactiveTitle")}</h1>
  <p class="mt-3 text-slate-600">${t("link.inactiveBody", { merchant: name })}</p>
</div>`,
  });
}
