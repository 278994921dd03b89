import { BRAND_LABELS, type CardBrand } from "@/lib/checkout/card-brand";
import { challengePagePath, checkoutPagePath } from "@/lib/checkout/checkout-url";
import { stablecoinChoice, stablecoinConfirming, stablecoinPanel, transactionLine } from "./stablecoin-panel";
import { cancelRedirect, successRedirect } from "@/lib/checkout/redirect-urls";
import { html, type Html } from "@/lib/html/html";
import { cardForm, type CardFormState } from "./card-form";
import type { CheckoutContext } from "./checkout-context";
import { backLink, outcome } from "./outcome";

/** The right half of the page: the card form while the intent can be paid, else where it ended up. */
export function paymentPanel(context: CheckoutContext, form: CardFormState): Html {
  const { embedded } = context;
  const box = embedded ? "" : "self-start rounded-2xl border border-slate-200 bg-white p-6 shadow-sm";
  return html`<section id="payment-panel" aria-label="${context.t("checkout.paymentSection")}" class="${box}">${panelContent(context, form)}</section>`;
}

function panelContent(context: CheckoutContext, form: CardFormState): Html {
  const { intent, merchant, t, branding, stablecoin } = context;
  const merchantName = branding.name;
  // In an iframe the merchant's page decides where the buyer goes next, so no links leave it.
  const back = (url: string | null) => backLink(context.embedded ? null : url, t("states.returnTo", { merchant: merchantName }));
  switch (intent.status) {
    case "requires_payment_method":
      if (merchant.status !== "active") return outcome("neutral", t("states.pausedTitle"), t("states.pausedBody", { merchant: merchantName }));
      return payable(context, form);
    case "processing":
      if (stablecoin?.view?.stage === "confirming") return stablecoinConfirming(context, stablecoin.view);
      return outcome("neutral", t("states.processingTitle"), t("states.processingBody"));
    case "requires_action":
      // Time is up: the bank's challenge can no longer be answered, and the chain decides.
      if (stablecoin?.view?.stage === "checking") return stablecoinPanel(context, stablecoin, stablecoin.view);
      return outcome("neutral", t("states.actionTitle"), t("states.actionBody", { amount: context.money(intent.amount), merchant: merchantName }), waitingOnBank(context));
    case "succeeded":
    case "authorized":
      return outcome("success", t("states.succeededTitle"), paidWith(context), html`${stablecoin?.view && transactionLine(context, stablecoin.view)}${lateNote(context)}${back(successRedirect(intent))}`);
    case "failed":
      return outcome("error", t("states.failedTitle"), html`${form.message && html`${form.message} `}${t("states.failedBody")}`, back(cancelRedirect(intent)));
    case "canceled":
      return outcome("neutral", t("states.canceledTitle"), t("states.canceledBody"), html`${lateNote(context)}${back(cancelRedirect(intent))}`);
    case "expired":
      return outcome("neutral", t("states.expiredTitle"), expiredBody(context), html`${lateNote(context)}${back(cancelRedirect(intent))}`);
    case "underpaid": {
      const view = stablecoin?.view;
      const body = view ? t("stablecoin.underpaidBody", { received: view.received, due: view.due, token: view.token, merchant: merchantName }) : t("states.expiredBody", { merchant: merchantName });
      return outcome("error", t("stablecoin.underpaidTitle"), body, html`${lateNote(context)}${back(cancelRedirect(intent))}`);
    }
  }
}

/**
 * An open intent: the token's panel once its deposit is open (and for good once anything arrived on
 * chain, or the time is up), else the card form, with the token offered above it.
 */
function payable(context: CheckoutContext, form: CardFormState): Html {
  const { stablecoin, cardChosen, cardless, t } = context;
  const view = stablecoin?.view;
  if (stablecoin && view && (!cardChosen || view.stage !== "waiting")) return stablecoinPanel(context, stablecoin, view);
  if (stablecoin && cardless) return stablecoinChoice(context, stablecoin);
  const card = html`<h2 class="mb-4 text-lg font-semibold text-slate-900">${t("checkout.payWithCard")}</h2>${cardForm(context, form)}`;
  if (!stablecoin) return card;
  return html`${view ? html`<p class="mb-6"><a id="pay-with-token" href="${checkoutPagePath(context.intent.id, context.intent.clientSecret)}" class="text-sm font-medium text-slate-700 underline underline-offset-4">${t("stablecoin.payWith", { token: stablecoin.token })}</a></p>` : stablecoinChoice(context, stablecoin)}${card}`;
}

/** Money that arrived on chain after the payment could take it: the buyer is told it was seen, and whom to ask. */
function lateNote({ stablecoin, t, branding }: CheckoutContext): Html | null {
  const view = stablecoin?.view;
  if (!view || BigInt(view.deposit.amountLate) === 0n) return null;
  return html`<p class="mt-3 text-sm">${t("stablecoin.lateNote", { amount: view.late, token: view.token, merchant: branding.name })}</p>`;
}

/**
 * On to the bank's challenge; or, for a buyer who will not finish it, another card (the challenge
 * counts as a declined attempt) or the way back. Plain links and forms, so no state is a dead end.
 */
function waitingOnBank({ intent, t, branding }: CheckoutContext): Html {
  const path = `/pay/${encodeURIComponent(intent.id)}`;
  // A live acquirer's bank has a page of its own; the simulation's is Kassa's.
  const waiting = intent.attempts.findLast((attempt) => attempt.status === "requires_action");
  const bankPage = waiting?.challengeUrl ?? challengePagePath(intent.id, intent.clientSecret);
  return html`<div class="mt-4 flex flex-col items-center gap-3">
  <a id="continue-to-bank" href="${bankPage}" class="inline-block rounded-lg bg-[var(--brand)] px-4 py-2 text-sm font-semibold text-[var(--brand-contrast)]">${t("states.actionContinue")}</a>
  <form action="${path}/challenge" method="post">
    <input type="hidden" name="client_secret" value="${intent.clientSecret}">
    <button type="submit" name="answer" value="abandon" class="text-sm font-medium text-slate-700 underline underline-offset-4">${t("states.actionAnotherCard")}</button>
  </form>
  <form id="cancel-form" action="${path}/cancel" method="post">
    <input type="hidden" name="client_secret" value="${intent.clientSecret}">
    <button type="submit" class="text-sm text-slate-600 underline-offset-4 hover:text-slate-900 hover:underline">${t("checkout.cancelAndReturn", { merchant: branding.name })}</button>
  </form>
</div>`;
}

function paidWith({ intent, t, branding, stablecoin }: CheckoutContext): string {
  const merchant = branding.name;
  const view = stablecoin?.view;
  if (view && intent.txHash) return t("stablecoin.paidWith", { merchant, amount: view.received, token: view.token, network: view.network });
  if (!intent.card) return t("states.succeededBody", { merchant });
  const brand = BRAND_LABELS[intent.card.brand as CardBrand];
  return brand
    ? t("states.succeededWithCard", { merchant, brand, last4: intent.card.last4 })
    : t("states.succeededWithLast4", { merchant, last4: intent.card.last4 });
}

/** What happened, and, in redirect mode, that the buyer is about to go back to the merchant. */
function expiredBody({ intent, t, branding, embedded }: CheckoutContext): string {
  const body = t("states.expiredBody", { merchant: branding.name });
  return !embedded && cancelRedirect(intent) ? `${body} ${t("states.expiredRedirect", { merchant: branding.name })}` : body;
}
