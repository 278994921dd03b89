import { MAX_ATTEMPTS } from "@/lib/checkout/limits";
import { groupCardNumber, TEST_CARDS } from "@/lib/checkout/test-cards";
import { html, type Html, type HtmlValue } from "@/lib/html/html";
import type { CheckoutContext } from "./checkout-context";

export type CardFormState = {
  /** Per page view, so a double submit replays instead of charging twice. */
  submissionKey: string;
  /** The one message the buyer should read first: the last decline, or why the last post failed. */
  message: string | null;
  attemptsLeft: number;
};

export const INPUT = "block w-full rounded-lg border border-slate-300 bg-white px-3 py-2.5 text-base text-slate-900 shadow-sm placeholder:text-slate-500 focus:outline-none focus:ring-2 focus:ring-[var(--brand)] focus:border-transparent aria-[invalid=true]:border-red-500";

/**
 * The card form. As plain HTML it posts to /submit and works with JavaScript off; the page's script
 * takes over the same markup to check fields as the buyer types and pay without a reload.
 */
export function cardForm(context: CheckoutContext, state: CardFormState): Html {
  const { intent, t, money, branding } = context;
  const path = `/pay/${encodeURIComponent(intent.id)}`;
  return html`<div class="space-y-5">
  ${testCards(context)}
  <form id="card-form" action="${path}/submit" method="post" novalidate class="space-y-4"${state.message ? html` aria-describedby="payment-error"` : ""}>
    <input type="hidden" name="client_secret" value="${intent.clientSecret}">
    <input type="hidden" name="submission_key" value="${state.submissionKey}">
    ${paymentError(context, state)}
    ${field("card-number", t("checkout.cardNumber"), html`<input id="card-number" name="number" inputmode="numeric" autocomplete="cc-number" placeholder="1234 1234 1234 1234" required maxlength="23" class="${INPUT}">`, html`<span id="card-brand" class="text-xs font-medium text-slate-600"></span>`)}
    <div class="grid grid-cols-2 gap-x-3">
      ${field("card-expiry", t("checkout.expiry"), html`<input id="card-expiry" name="expiry" inputmode="numeric" autocomplete="cc-exp" placeholder="${t("checkout.expiryPlaceholder")}" required maxlength="7" class="${INPUT}">`, null, true)}
      ${field("card-cvc", t("checkout.securityCode"), html`<input id="card-cvc" name="cvc" inputmode="numeric" autocomplete="cc-csc" placeholder="${t("checkout.cvcPlaceholder", { digits: 3 })}" required maxlength="4" class="${INPUT}">`, null, true)}
    </div>
    ${field("card-name", t("checkout.nameOnCard"), html`<input id="card-name" name="name" autocomplete="cc-name" placeholder="${t("checkout.namePlaceholder")}" maxlength="200" class="${INPUT}">`)}
    ${asksForEmail(context) && field("card-email", t("checkout.emailLabel"), html`<input id="card-email" name="email" type="email" autocomplete="email" placeholder="${t("checkout.emailPlaceholder")}" maxlength="254" value="${context.intent.buyerEmail ?? ""}" class="${INPUT}">`)}
    <button id="pay-button" type="submit" class="flex w-full items-center justify-center gap-2 rounded-lg bg-[var(--brand)] px-4 py-3 text-base font-semibold text-[var(--brand-contrast)] shadow-sm transition hover:brightness-110 disabled:cursor-wait disabled:opacity-70">
      <span id="pay-spinner" aria-hidden="true" hidden class="h-4 w-4 animate-spin rounded-full border-2 border-current border-t-transparent"></span>
      <span id="pay-label">${t("checkout.pay", { amount: money(intent.amount) })}</span>
    </button>
  </form>
  <form id="cancel-form" action="${path}/cancel" method="post" class="text-center">
    <input type="hidden" name="client_secret" value="${intent.clientSecret}">
    <button type="submit" class="text-sm text-slate-600 underline-offset-4 hover:text-slate-900 hover:underline">${t("checkout.cancelAndReturn", { merchant: branding.name })}</button>
  </form>
</div>`;
}

/** Receipts go to the email the merchant sent; without one, the buyer may give it here (and correct it on a later try). */
function asksForEmail({ intent, merchant }: CheckoutContext): boolean {
  return !intent.customerEmail && merchant.receiptsEnabled;
}

/** One banner for the one current message; the script replaces its text rather than stacking another. */
function paymentError({ t }: CheckoutContext, state: CardFormState): Html {
  const attempts = state.message && state.attemptsLeft > 0 && state.attemptsLeft < MAX_ATTEMPTS ? t("checkout.attemptsLeft", { count: state.attemptsLeft }) : "";
  return html`<div id="payment-error" role="alert" tabindex="-1" class="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800"${state.message ? "" : html` hidden`}>
      <p id="payment-error-message" class="font-medium">${state.message}</p>
      <p id="payment-error-attempts" class="mt-1 text-red-700"${attempts ? "" : html` hidden`}>${attempts}</p>
    </div>`;
}

/**
 * A label, its input and its error. Side by side (`paired`), the two fields share their rows
 * (subgrid), so a label that wraps in a longer language or an error under one field never
 * pushes the two inputs out of line.
 */
function field(id: string, label: string, input: Html, hint?: HtmlValue, paired = false): Html {
  return html`<div class="${paired ? "row-span-3 grid grid-rows-subgrid" : ""}">
      <div class="mb-1 flex items-baseline justify-between self-end"><label for="${id}" class="text-sm font-medium text-slate-700">${label}</label>${hint}</div>
      ${input}
      <p id="${id}-error" class="mt-1 text-sm text-red-700" hidden></p>
    </div>`;
}

/** In test mode the page says which cards do what; a live payment's buyer is paying for real and sees none. */
function testCards({ t, intent }: CheckoutContext): Html | "" {
  if (intent.mode !== "test") return "";
  const items = TEST_CARDS.map((card) => {
    const grouped = groupCardNumber(card.number);
    return html`<li class="flex flex-wrap items-center justify-between gap-x-3">
        <button type="button" data-test-card="${card.number}" class="font-mono text-amber-950 underline decoration-amber-400 underline-offset-2 hover:decoration-amber-700" aria-label="${t("checkout.useTestCard", { number: grouped })}">${grouped}</button>
        <span>${t(`testCards.${card.number}`)}</span>
      </li>`;
  });
  return html`<details class="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
    <summary class="cursor-pointer font-medium">${t("checkout.testModeSummary")}</summary>
    <p class="mt-2 text-amber-800">${t("checkout.testModeHint")}</p>
    <ul class="mt-2 space-y-1">${items}</ul>
  </details>`;
}
