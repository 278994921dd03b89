import { checkoutPagePath } from "@/lib/checkout/checkout-url";
import { Html, html } from "@/lib/html/html";
import type { StablecoinOffer } from "@/lib/stablecoins/checkout-offer";
import type { DepositView } from "@/lib/stablecoins/deposit-view";
import { qrSvg } from "@/lib/ui/qr-svg";
import type { CheckoutContext } from "./checkout-context";

const BUTTON = "flex w-full items-center justify-between gap-3 rounded-lg border border-slate-300 bg-white px-4 py-3 text-left shadow-sm transition hover:border-[var(--brand)] focus:outline-none focus:ring-2 focus:ring-[var(--brand)]";

/** Before the buyer chooses: a button that opens the token's deposit (a form post, so it works without JavaScript). */
export function stablecoinChoice(context: CheckoutContext, offer: StablecoinOffer): Html {
  const { intent, t } = context;
  return html`<form id="stablecoin-choice" action="/pay/${encodeURIComponent(intent.id)}/stablecoin" method="post" class="mb-6">
  <input type="hidden" name="client_secret" value="${intent.clientSecret}">
  <button type="submit" class="${BUTTON}">
    <span><span class="block text-base font-semibold text-slate-900">${t("stablecoin.payWith", { token: offer.token })}</span>
    <span class="block text-sm text-slate-600">${t("stablecoin.payWithHint", { network: offer.network })}</span></span>
    <span aria-hidden="true" class="text-xl text-slate-500">→</span>
  </button>
</form>`;
}

/**
 * The token's side of the page while the intent can be paid: the amount, the address, an EIP-681
 * link and its QR code for a wallet, the network, and where the payment stands. The script follows
 * it live (stablecoin-watch.ts); without one, the page says the same on every reload.
 */
export function stablecoinPanel(context: CheckoutContext, offer: StablecoinOffer, view: DepositView): Html {
  const { intent, t } = context;
  const token = offer.token;
  const sending = view.stage === "partial" ? view.remaining : view.due;
  // Time is up: what was sent in time still counts, but nothing more should be sent.
  if (view.stage === "checking") {
    return html`<div id="stablecoin-panel" class="space-y-5">
  <h2 class="text-lg font-semibold text-slate-900">${t("stablecoin.heading", { token, network: offer.network })}</h2>
  <p id="stablecoin-status" role="status" aria-live="polite" class="rounded-lg bg-slate-100 px-4 py-3 text-sm font-medium text-slate-800">${statusText(context, view)}</p>
</div>`;
  }
  return html`<div id="stablecoin-panel" class="space-y-5">
  <h2 class="text-lg font-semibold text-slate-900">${t("stablecoin.heading", { token, network: offer.network })}</h2>
  ${offer.test && html`<p class="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">${t("stablecoin.testNetwork")}</p>`}
  <p id="stablecoin-status" role="status" aria-live="polite" class="rounded-lg bg-slate-100 px-4 py-3 text-sm font-medium text-slate-800">${statusText(context, view)}</p>
  <div class="grid gap-5 sm:grid-cols-[auto_1fr] sm:items-start">
    <a href="${view.paymentUri}" class="mx-auto block w-44 shrink-0 rounded-lg border border-slate-200 bg-white sm:mx-0" aria-label="${t("stablecoin.qrLabel")}">
      <span role="img" aria-label="${t("stablecoin.qrLabel")}" class="block">${new Html(qrSvg(view.paymentUri))}</span>
    </a>
    <dl class="min-w-0 space-y-4 text-sm">
      ${copyable(context, "stablecoin-amount", t("stablecoin.amountLabel"), `${sending} ${token}`, sending, "whitespace-nowrap text-2xl font-semibold tabular-nums text-slate-900")}
      ${copyable(context, "stablecoin-address", t("stablecoin.addressLabel"), view.address, view.address, "break-all font-mono text-sm text-slate-900")}
      <div><dt class="font-medium text-slate-600">${t("stablecoin.networkLabel")}</dt><dd class="mt-1 text-slate-900">${offer.network}</dd></div>
    </dl>
  </div>
  <a id="stablecoin-open-wallet" href="${view.paymentUri}" class="flex w-full items-center justify-center rounded-lg bg-[var(--brand)] px-4 py-3 text-base font-semibold text-[var(--brand-contrast)] shadow-sm hover:brightness-110">${t("stablecoin.openWallet")}</a>
  <p class="text-sm text-slate-600">${t("stablecoin.onlyThis", { token, network: offer.network })}</p>
  <noscript><p class="text-center"><a href="${checkoutPagePath(intent.id, intent.clientSecret)}" class="text-sm font-medium text-slate-700 underline underline-offset-4">${t("stablecoin.refresh")}</a></p></noscript>
  ${view.stage === "waiting" && !context.cardless && html`<p class="text-center"><a id="pay-by-card" href="${checkoutPagePath(intent.id, intent.clientSecret)}&method=card" class="text-sm font-medium text-slate-700 underline underline-offset-4">${t("stablecoin.payByCard")}</a></p>`}
</div>`;
}

/** While the chain confirms the whole amount: where it stands, and that the page follows it. */
export function stablecoinConfirming(context: CheckoutContext, view: DepositView): Html {
  const { t } = context;
  return html`<div role="status" class="rounded-xl border border-slate-200 bg-white px-5 py-6 text-center text-slate-800">
  <p class="text-lg font-semibold">${t("stablecoin.confirmingTitle")}</p>
  <p class="mt-2 text-sm">${t("stablecoin.confirmingBody", { amount: view.received, token: view.token, network: view.network, required: view.required })}</p>
  <p id="stablecoin-status" aria-live="polite" class="mt-3 text-sm font-medium">${statusText(context, view)}</p>
  ${transactionLine(context, view)}
</div>`;
}

/** The hash of the transaction that paid, for the buyer to find in their wallet or an explorer. */
export function transactionLine({ t }: CheckoutContext, view: DepositView): Html | null {
  if (!view.txHash) return null;
  return html`<p class="mt-3 text-xs text-slate-600">${t("stablecoin.transaction")}: <span class="break-all font-mono">${view.txHash}</span></p>`;
}

export function statusText({ t }: CheckoutContext, view: DepositView): string {
  switch (view.stage) {
    case "partial":
      return t("stablecoin.partial", { received: view.received, remaining: view.remaining, token: view.token });
    case "confirming":
      return t("stablecoin.seen", { count: view.confirmations ?? 0, required: view.required });
    case "paid":
      return t("stablecoin.seen", { count: view.required, required: view.required });
    case "checking":
      return t("stablecoin.checking");
    default:
      return t("stablecoin.waiting");
  }
}

function copyable(context: CheckoutContext, id: string, label: string, shown: string, copied: string, style: string): Html {
  return html`<div><dt class="font-medium text-slate-600">${label}</dt>
  <dd class="mt-1 flex items-start justify-between gap-3"><span id="${id}" class="${style}">${shown}</span>
  <button type="button" hidden data-copy="${copied}" class="shrink-0 rounded-md border border-slate-300 px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50">${context.t("stablecoin.copy")}</button></dd></div>`;
}
