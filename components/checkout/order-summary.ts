import type { Branding } from "@/lib/checkout/get-checkout";
import { html, type Html, type HtmlValue } from "@/lib/html/html";
import { decimalToMinor } from "@/lib/money/decimal";
import type { CheckoutContext } from "./checkout-context";

/** Who is being paid, for what, and how much: everything a buyer checks before typing a card. */
export function orderSummary(context: CheckoutContext, compact: boolean): Html {
  const { intent, branding, t, money } = context;
  const subtotal = intent.lineItems.reduce((sum, item) => sum + item.quantity * item.unitAmount, 0);
  // Seed 001 lets the amount exceed items + tax - discount; the page shows the rest so it adds up.
  const otherCharges = intent.lineItems.length > 0 ? intent.amount - (subtotal + intent.taxAmount - intent.discountAmount) : 0;
  const showBreakdown = intent.lineItems.length > 0 || intent.taxAmount > 0 || intent.discountAmount > 0;
  const open = intent.status === "requires_payment_method";
  const paid = intent.status === "succeeded" || intent.status === "authorized";
  const heading = t(open ? "checkout.payHeading" : paid ? "checkout.paidHeading" : "checkout.closedHeading", { merchant: branding.name });
  const rows: HtmlValue[] = [
    intent.lineItems.length > 0 && (intent.taxAmount > 0 || intent.discountAmount > 0 || otherCharges !== 0) && row(t("checkout.subtotal"), money(subtotal)),
    intent.taxAmount > 0 && row(t("checkout.tax"), money(intent.taxAmount)),
    intent.discountAmount > 0 && row(t("checkout.discount"), `−${money(intent.discountAmount)}`),
    otherCharges > 0 && row(t("checkout.otherCharges"), money(otherCharges), t("checkout.otherChargesNote", { merchant: branding.name })),
    row(t(open ? "checkout.totalDue" : "checkout.total"), money(intent.amount), undefined, true),
  ];
  return html`<section aria-labelledby="summary-heading" class="${compact ? "space-y-4" : "space-y-6"}">
  ${merchantBadge(branding)}
  <div>
    <h1 id="summary-heading" class="text-sm font-medium text-slate-600">${heading}</h1>
    <p class="${compact ? "text-3xl" : "text-4xl"} mt-1 font-semibold tracking-tight text-slate-900">${money(intent.amount)}</p>
    ${intent.recurringIntervalDays && html`<p class="mt-1 text-sm font-medium text-slate-700">${t("checkout.recurring", { amount: money(intent.amount), days: intent.recurringIntervalDays, merchant: branding.name })}</p>`}
    ${foreignPrice(context)}
    ${intent.description && html`<p class="mt-2 text-slate-700">${intent.description}</p>`}
  </div>
  ${showBreakdown && breakdown(context, compact, html`${lineItems(context)}<dl class="mt-2 space-y-1 border-t border-slate-200 pt-3 text-sm">${rows}</dl>`)}
  ${(open || intent.status === "requires_action") && countdown(context)}
</section>`;
}

function lineItems({ intent, t, money }: CheckoutContext): HtmlValue {
  if (intent.lineItems.length === 0) return null;
  return html`<ul class="divide-y divide-slate-100">${intent.lineItems.map(
    (item) => html`<li class="flex items-start justify-between gap-4 py-2 text-sm">
      <span class="text-slate-800">${item.name}${item.quantity > 1 && html`<span class="block text-xs text-slate-600">${t("checkout.quantity", { quantity: item.quantity, unitAmount: money(item.unitAmount) })}</span>`}</span>
      <span class="font-medium tabular-nums text-slate-900">${money(item.quantity * item.unitAmount)}</span>
    </li>`,
  )}</ul>`;
}

/** In an iframe every pixel counts, so the items fold away behind a summary line. */
function breakdown({ intent, t }: CheckoutContext, compact: boolean, content: Html): Html {
  if (!compact) {
    return html`<div class="rounded-xl border border-slate-200 bg-white p-4 shadow-sm"><h2 class="sr-only">${t("checkout.orderDetails")}</h2>${content}</div>`;
  }
  const count = intent.lineItems.length;
  return html`<details class="rounded-lg border border-slate-200 bg-white px-4 py-2 text-sm">
  <summary class="cursor-pointer py-1 font-medium text-slate-800">${count > 0 ? t("checkout.orderDetailsCount", { count }) : t("checkout.orderDetails")}</summary>
  <div class="pb-2">${content}</div>
</details>`;
}

function row(label: string, value: string, note?: string, strong = false): Html {
  return html`<div class="flex flex-wrap justify-between gap-x-4 ${strong ? "pt-1 text-base font-semibold text-slate-900" : "text-slate-700"}">
  <dt>${label}</dt><dd class="tabular-nums">${value}</dd>${note && html`<dd class="w-full text-xs text-slate-600">${note}</dd>`}
</div>`;
}

/** mutopay prices in one currency and charges in US dollars at a rate fixed at creation. */
function foreignPrice({ intent, t, money, formatOther }: CheckoutContext): HtmlValue {
  const data = intent.dialectData as { amount_original?: string; original_currency?: string; fx_rate?: string };
  if (!data.amount_original || !data.original_currency) return null;
  const original = decimalToMinor(data.amount_original, data.original_currency);
  if (!original.ok) return null;
  const text = t("checkout.foreignPrice", {
    amount: formatOther(original.minor, data.original_currency),
    currency: data.original_currency,
    rate: data.fx_rate ?? "",
    chargeCurrency: intent.currency,
  });
  return html`<p class="mt-1 text-sm text-slate-600">${text}</p>`;
}

/**
 * The deadline as a clock time, which needs no script; the script turns it into a countdown and
 * warns in the last minute.
 */
function countdown({ intent, t, time }: CheckoutContext): Html {
  return html`<p id="countdown" class="text-sm text-slate-600" aria-live="polite">${t("checkout.expiresAt", { time: time(intent.expiresAt) })}</p>`;
}

export function merchantBadge(branding: Branding): Html {
  const initial = html`<span aria-hidden="true" class="flex h-10 w-10 items-center justify-center rounded-lg bg-[var(--brand)] text-lg font-bold text-[var(--brand-contrast)]">${branding.name.slice(0, 1).toUpperCase()}</span>`;
  const logo = branding.logoUrl && html`<img src="${branding.logoUrl}" alt="" class="h-10 w-10 rounded-lg object-contain" referrerpolicy="no-referrer">`;
  return html`<div class="flex items-center gap-3">${logo || initial}<span class="text-base font-semibold text-slate-900">${branding.name}</span></div>`;
}
