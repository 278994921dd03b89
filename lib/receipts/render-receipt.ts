import type { Merchant, Refund } from "@/db/schema";
import type { Branding } from "@/lib/checkout/get-checkout";
import { BRAND_LABELS, type CardBrand } from "@/lib/checkout/card-brand";
import { html, type Html } from "@/lib/html/html";
import { intlLocale, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import type { IntentDetails } from "@/lib/intents/intent-details";
import { formatMoney } from "@/lib/money/format";
import { contrastingText } from "@/lib/ui/contrast";

export type ReceiptInput = {
  kind: "receipt" | "refund";
  intent: IntentDetails;
  merchant: Merchant;
  branding: Branding;
  refund: Refund | null;
  locale: Locale;
  /** When the payment (or refund) happened. */
  at: Date;
  /** Paid on chain: what arrived in time, in the token, and where. */
  onChain?: OnChainPayment | null;
};

export type OnChainPayment = { amount: string; token: string; network: string };

export type RenderedEmail = { subject: string; text: string; html: string };

/**
 * A receipt in the buyer's language: who was paid, how much, for what, when, with which card, and
 * the reference to quote. Plain text for every mail client, and HTML with inline styles only, as
 * mail clients require.
 */
export function renderReceipt(input: ReceiptInput): RenderedEmail {
  const t = translator(input.locale);
  const intl = intlLocale(input.locale);
  const money = (minor: number) => formatMoney(minor, input.intent.currency, intl);
  const merchant = input.branding.name;
  const refund = input.kind === "refund" ? input.refund : null;
  const date = new Intl.DateTimeFormat(intl, { year: "numeric", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC", timeZoneName: "short" }).format(input.at);
  const method = paymentMethod(input, t);
  // On chain, the transaction is the buyer's own proof: the payment's, or the refund the merchant sent.
  const transaction = refund ? onChainRefund(refund) : input.onChain ? input.intent.txHash : null;
  const facts: [string, string][] = [
    [refund ? t("receipt.amountRefunded") : t("receipt.amountPaid"), money(refund ? refund.amount : input.intent.amountCaptured || input.intent.amount)],
    [t("receipt.date"), date],
    ...(method ? ([[t("receipt.paymentMethod"), method]] as [string, string][]) : []),
    ...(transaction ? ([[t("receipt.transaction"), transaction]] as [string, string][]) : []),
    ...(input.intent.referenceId ? ([[t("receipt.reference"), input.intent.referenceId]] as [string, string][]) : []),
    [t("receipt.receiptNumber"), refund ? refund.id : input.intent.id],
  ];
  // The items add up to the intent's amount; after a partial capture that is not what was paid, so no total is claimed.
  const captured = input.intent.amountCaptured;
  const itemsTotal = captured === 0 || captured === input.intent.amount ? money(input.intent.amount) : null;
  const items = input.intent.lineItems.map((item) => [`${item.quantity} × ${item.name}`, money(item.quantity * item.unitAmount)] as [string, string]);
  const subject = refund ? t("receipt.subjectRefund", { merchant }) : t("receipt.subjectPaid", { merchant });
  const heading = refund ? t("receipt.headingRefund", { merchant, amount: money(refund.amount) }) : t("receipt.headingPaid", { merchant });
  const refundNote = refund && (onChainRefund(refund) ? t("receipt.refundNoteOnChain", { merchant }) : t("receipt.refundNote"));
  const notes = [...(refundNote ? [refundNote] : []), t("receipt.questions", { merchant })];
  const footer = t("receipt.footer", { merchant });

  const text = [
    heading,
    "",
    ...facts.map(([label, value]) => `${label}: ${value}`),
    ...(items.length > 0 ? ["", `${t("receipt.items")}:`, ...items.map(([name, value]) => `  ${name}  ${value}`), ...(itemsTotal ? [`${t("receipt.total")}: ${itemsTotal}`] : [])] : []),
    "",
    ...notes,
    "",
    "--",
    footer,
  ].join("\n");

  return { subject, text, html: emailHtml(input, heading, facts, items, itemsTotal, notes, footer, t("receipt.items"), t("receipt.total")) };
}

/** The card, or the token and network the payment arrived in; null when neither is known. */
function paymentMethod(input: ReceiptInput, t: ReturnType<typeof translator>): string | null {
  if (input.onChain) return t("receipt.onChain", { ...input.onChain });
  const card = input.intent.card;
  if (!card) return null;
  const brand = BRAND_LABELS[card.brand as CardBrand];
  return brand ? t("receipt.card", { brand, last4: card.last4 }) : t("receipt.cardNoBrand", { last4: card.last4 });
}

/** A refund the merchant sent from its wallet is recorded with its transaction hash. */
function onChainRefund(refund: Refund): string | null {
  return refund.processorReference?.startsWith("0x") ? refund.processorReference : null;
}

function emailHtml(
  input: ReceiptInput,
  heading: string,
  facts: [string, string][],
  items: [string, string][],
  total: string | null,
  notes: string[],
  footer: string,
  itemsLabel: string,
  totalLabel: string,
): string {
  const brand = input.branding.brandColor && /^#[0-9a-fA-F]{6}$/.test(input.branding.brandColor) ? input.branding.brandColor : "#4f46e5";
  const cell = "padding:6px 0;font-size:14px;color:#334155;";
  // A transaction hash is one 66-character word: it alone may break anywhere, to fit a phone.
  const row = ([label, value]: [string, string]): Html =>
    html`<tr><td style="${cell}padding-right:12px;vertical-align:top;">${label}</td><td style="${cell}text-align:right;color:#0f172a;font-weight:600;${/^0x[0-9a-f]+$/i.test(value) ? "word-break:break-all;" : ""}">${value}</td></tr>`;
  const doc = html`<!DOCTYPE html>
<html lang="${input.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${heading}</title></head>
<body style="margin:0;padding:24px;background:#f8fafc;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;">
<table role="presentation" width="100%" style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #e2e8f0;border-radius:12px;border-collapse:separate;">
<tr><td style="padding:20px 24px;background:${brand};border-radius:12px 12px 0 0;color:${contrastingText(brand)};font-size:16px;font-weight:700;">${input.branding.name}</td></tr>
<tr><td style="padding:24px;">
<h1 style="margin:0 0 16px;font-size:20px;color:#0f172a;">${heading}</h1>
<table role="presentation" width="100%" style="border-collapse:collapse;">${facts.map(row)}</table>
${items.length > 0 && html`<h2 style="margin:20px 0 8px;font-size:15px;color:#0f172a;">${itemsLabel}</h2>
<table role="presentation" width="100%" style="border-collapse:collapse;border-top:1px solid #e2e8f0;">${items.map(row)}${total && row([totalLabel, total])}</table>`}
${notes.map((note) => html`<p style="margin:16px 0 0;font-size:14px;color:#334155;">${note}</p>`)}
</td></tr>
<tr><td style="padding:16px 24px;border-top:1px solid #e2e8f0;font-size:12px;color:#475569;">${footer}</td></tr>
</table>
</body></html>`;
  return doc.value;
}
