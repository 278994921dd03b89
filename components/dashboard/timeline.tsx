import Link from "next/link";
import { deliveryText } from "@/lib/dashboard/delivery-text";
import type { TimelineEntry } from "@/lib/dashboard/payment-timeline";
import { formatMoney } from "@/lib/money/format";
import { BRAND_LABELS } from "@/lib/checkout/card-brand";
import type { CardBrand } from "@/lib/checkout/card";

const TITLES: Record<string, string> = {
  "payment.created": "Payment created",
  "payment.failed": "Card declined",
  "payment.requires_action": "3-D Secure challenge shown to the buyer",
  "payment.succeeded": "Payment succeeded",
  "payment.authorized": "Card authorized, waiting to be captured",
  "payment.canceled": "Payment canceled",
  "payment.expired": "Payment link expired",
  "payment.refunded": "Refunded",
  "payment.processing": "Paid on chain, waiting for confirmations",
  "payment.partially_funded": "Part of the amount arrived on chain",
  "payment.funds_reversed": "A reorganisation of the chain took a transfer back",
  "payment.underpaid": "Expired underpaid",
  "payment.received_late": "Paid late: money arrived after the payment closed",
  "subscription.created": "Subscription started",
  "subscription.renewed": "Subscription renewed",
  "subscription.failed": "Renewal declined",
  "subscription.canceled": "Subscription canceled",
};

/** Who did it, in words: an API key, a team member, the buyer, or Kassa itself. */
function actorText(actor: string): string {
  if (actor === "buyer") return "by the buyer";
  if (actor === "system") return "by Kassa";
  if (actor.startsWith("api_key:")) return "via the API";
  if (actor.startsWith("user:")) return "in the dashboard";
  return actor;
}

/** A step's title; a capture of part of the authorization says how much of how much. */
function title(entry: TimelineEntry, currency: string, amount: number): string {
  const captured = entry.details.captured;
  if (entry.type === "payment.succeeded" && typeof captured === "number" && captured < amount) {
    return `Captured ${formatMoney(captured, currency)} of ${formatMoney(amount, currency)}; the rest was released`;
  }
  return `${TITLES[entry.type] ?? entry.type}${entry.refund ? ` ${formatMoney(entry.refund.amount, currency)}` : ""}`;
}

export function Timeline({ entries, currency, amount }: { entries: TimelineEntry[]; currency: string; amount: number }) {
  return (
    <ol className="relative space-y-5 border-l border-slate-200 pl-5" data-testid="timeline">
      {entries.map((entry) => (
        <li key={entry.id} className="relative">
          <span aria-hidden className="absolute -left-[1.6rem] top-1.5 h-2.5 w-2.5 rounded-full bg-indigo-500 ring-4 ring-white" />
          <p className="text-sm font-semibold text-slate-900">
            {title(entry, currency, amount)}
          </p>
          <p className="text-xs text-slate-600">
            <time dateTime={entry.at.toISOString()}>{entry.at.toISOString().replace("T", " ").slice(0, 19)} UTC</time> · {actorText(entry.actor)}
          </p>
          {entry.attempt && (
            <p className="mt-1 text-sm text-slate-700">
              {BRAND_LABELS[entry.attempt.card.brand as CardBrand] || "Card"} •••• {entry.attempt.card.last4}
              {entry.attempt.declineCode && ` · decline code ${entry.attempt.declineCode}: ${entry.attempt.failureMessage}`}
            </p>
          )}
          {typeof entry.details.message === "string" && !entry.attempt?.declineCode && <p className="mt-1 text-sm text-slate-700">{entry.details.message}</p>}
          {typeof entry.details.tx_hash === "string" && <p className="mt-1 break-all font-mono text-xs text-slate-600">{entry.details.tx_hash}</p>}
          {entry.refund?.processorReference?.startsWith("0x") && <p className="mt-1 break-all font-mono text-xs text-slate-600">Sent from your wallet in {entry.refund.processorReference}</p>}
          {entry.refund?.reason && <p className="mt-1 text-sm text-slate-700">Reason: {entry.refund.reason.replaceAll("_", " ")}</p>}
          {entry.deliveries.length > 0 && (
            <ul className="mt-2 space-y-1">
              {entry.deliveries.map((delivery) => (
                <li key={delivery.id} className="text-xs text-slate-700">
                  Webhook to{" "}
                  <Link href={`/dashboard/developers/webhooks/${delivery.endpointId}`} className="break-all font-mono underline underline-offset-2">
                    {delivery.endpointUrl}
                  </Link>
                  : {deliveryText(delivery)}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
