import type { Checkout } from "@/lib/checkout/get-checkout";
import { BRAND_LABELS, type CardBrand } from "@/lib/checkout/card-brand";
import { html } from "@/lib/html/html";
import type { Locale } from "@/lib/i18n/locales";
import { checkoutContext } from "./checkout-context";
import { checkoutDocument } from "./checkout-document";
import { passivePageData } from "./checkout-page";

/**
 * The simulated bank's 3-D Secure challenge. It looks like a bank's page rather than the merchant's,
 * says plainly that it is a test, and is a plain form: it works without JavaScript and in a frame.
 */
export function renderChallengePage(checkout: Checkout, locale: Locale, nonce: string): string {
  const context = checkoutContext(checkout, locale);
  const { intent, t, money, branding } = context;
  const waiting = intent.attempts.findLast((attempt) => attempt.status === "requires_action");
  const card = waiting?.card ?? intent.card;
  const path = `/pay/${encodeURIComponent(intent.id)}/challenge`;
  const button = (answer: "complete" | "fail", label: string, style: string) =>
    html`<button type="submit" name="answer" value="${answer}" class="w-full rounded-lg px-4 py-3 text-base font-semibold ${style}">${label}</button>`;
  return checkoutDocument({
    locale,
    title: t("challenge.title"),
    nonce,
    brandColor: "#1e293b",
    embedded: context.embedded,
    footer: null,
    data: passivePageData(context),
    body: html`<div class="mx-auto max-w-md">
  <div class="rounded-2xl border border-slate-300 bg-white p-6 shadow-sm">
    <p class="text-xs font-semibold uppercase tracking-wide text-slate-600">${t("challenge.bank")}</p>
    <h1 class="mt-2 text-2xl font-semibold text-slate-900">${t("challenge.title")}</h1>
    <p class="mt-4 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">${t("challenge.testNotice")}</p>
    <dl class="mt-4 space-y-1 text-sm text-slate-700">
      <div><dt class="sr-only">${t("challenge.amountLabel")}</dt><dd class="text-lg font-semibold text-slate-900">${t("challenge.summary", { amount: money(intent.amount), merchant: branding.name })}</dd></div>
      ${card && html`<div><dt class="sr-only">${t("receipt.paymentMethod")}</dt><dd>${BRAND_LABELS[card.brand as CardBrand] ? t("challenge.card", { brand: BRAND_LABELS[card.brand as CardBrand], last4: card.last4 }) : t("challenge.cardNoBrand", { last4: card.last4 })}</dd></div>`}
    </dl>
    <form action="${path}" method="post" class="mt-6 space-y-3">
      <input type="hidden" name="client_secret" value="${intent.clientSecret}">
      ${button("complete", t("challenge.complete"), "bg-slate-900 text-white hover:bg-slate-700")}
      ${button("fail", t("challenge.fail"), "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50")}
    </form>
  </div>
</div>`,
  });
}
