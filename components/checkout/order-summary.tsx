import type { Branding } from "@/lib/checkout/get-checkout";
import type { IntentDetails } from "@/lib/intents/intent-details";
import { decimalToMinor } from "@/lib/money/decimal";
import { formatMoney } from "@/lib/money/format";
import { Countdown } from "./countdown";

/** Who is being paid, for what, and how much: everything a buyer checks before typing a card. */
type SummaryProps = { intent: IntentDetails; branding: Branding; compact: boolean };

export function OrderSummary({ intent, branding, compact }: SummaryProps) {
  const money = (minor: number) => formatMoney(minor, intent.currency);
  const subtotal = intent.lineItems.reduce((sum, item) => sum + item.quantity * item.unitAmount, 0);
  // Seed 001 lets the amount exceed items + tax - discount; the page shows the rest so it adds up.
  const otherCharges = intent.lineItems.length > 0 ? intent.amount - (subtotal + intent.taxAmount - intent.discountAmount) : 0;
  const showBreakdown = intent.lineItems.length > 0 || intent.taxAmount > 0 || intent.discountAmount > 0;
  const open = intent.status === "requires_payment_method";
  return (
    <section aria-labelledby="summary-heading" className={compact ? "space-y-4" : "space-y-6"}>
      <MerchantBadge branding={branding} />
      <div>
        <h1 id="summary-heading" className="text-sm font-medium text-slate-600">
          Pay {branding.name}
        </h1>
        <p className={`${compact ? "text-3xl" : "text-4xl"} mt-1 font-semibold tracking-tight text-slate-900`}>{money(intent.amount)}</p>
        {intent.recurringIntervalDays && (
          <p className="mt-1 text-sm font-medium text-slate-700">
            Then {money(intent.amount)} every {intent.recurringIntervalDays === 1 ? "day" : `${intent.recurringIntervalDays} days`}, charged to
            this card until you cancel with {branding.name}.
          </p>
        )}
        <ForeignPrice intent={intent} />
        {intent.description && <p className="mt-2 text-slate-700">{intent.description}</p>}
      </div>

      {showBreakdown && (
        <Breakdown compact={compact} count={intent.lineItems.length}>
          {intent.lineItems.length > 0 && (
            <ul className="divide-y divide-slate-100">
              {intent.lineItems.map((item, index) => (
                <li key={index} className="flex items-start justify-between gap-4 py-2 text-sm">
                  <span className="text-slate-800">
                    {item.name}
                    {item.quantity > 1 && <span className="block text-xs text-slate-600">Qty {item.quantity} × {money(item.unitAmount)}</span>}
                  </span>
                  <span className="font-medium tabular-nums text-slate-900">{money(item.quantity * item.unitAmount)}</span>
                </li>
              ))}
            </ul>
          )}
          <dl className="mt-2 space-y-1 border-t border-slate-200 pt-3 text-sm">
            {intent.lineItems.length > 0 && (intent.taxAmount > 0 || intent.discountAmount > 0 || otherCharges !== 0) && (
              <Row label="Subtotal" value={money(subtotal)} />
            )}
            {intent.taxAmount > 0 && <Row label="Tax" value={money(intent.taxAmount)} />}
            {intent.discountAmount > 0 && <Row label="Discount" value={`−${money(intent.discountAmount)}`} />}
            {otherCharges > 0 && <Row label="Other charges" value={money(otherCharges)} />}
            <Row label={open ? "Total due" : "Total"} value={money(intent.amount)} strong />
          </dl>
        </Breakdown>
      )}
      {open && <Countdown expiresAt={intent.expiresAt.toISOString()} />}
    </section>
  );
}

/** In an iframe every pixel counts, so the items fold away behind a summary line. */
function Breakdown({ compact, count, children }: { compact: boolean; count: number; children: React.ReactNode }) {
  if (!compact) {
    return (
      <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        <h2 className="sr-only">Order details</h2>
        {children}
      </div>
    );
  }
  return (
    <details className="rounded-lg border border-slate-200 bg-white px-4 py-2 text-sm">
      <summary className="cursor-pointer py-1 font-medium text-slate-800">
        Order details{count > 0 ? ` (${count} ${count === 1 ? "item" : "items"})` : ""}
      </summary>
      <div className="pb-2">{children}</div>
    </details>
  );
}

/** mutopay prices in one currency and charges in US dollars at a rate fixed at creation. */
function ForeignPrice({ intent }: { intent: IntentDetails }) {
  const data = intent.dialectData as { amount_original?: string; original_currency?: string; fx_rate?: string };
  if (!data.amount_original || !data.original_currency) return null;
  const original = decimalToMinor(data.amount_original, data.original_currency);
  if (!original.ok) return null;
  return (
    <p className="mt-1 text-sm text-slate-600">
      Priced at {formatMoney(original.minor, data.original_currency)} · 1 {data.original_currency} = {data.fx_rate} {intent.currency}
    </p>
  );
}

function Row({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <div className={`flex justify-between ${strong ? "pt-1 text-base font-semibold text-slate-900" : "text-slate-700"}`}>
      <dt>{label}</dt>
      <dd className="tabular-nums">{value}</dd>
    </div>
  );
}

export function MerchantBadge({ branding }: { branding: Branding }) {
  const name = branding.name;
  return (
    <div className="flex items-center gap-3">
      {branding.logoUrl ? (
        // eslint-disable-next-line @next/next/no-img-element -- merchant logos live on any host
        <img src={branding.logoUrl} alt="" className="h-10 w-10 rounded-lg object-contain" referrerPolicy="no-referrer" />
      ) : (
        <span aria-hidden className="flex h-10 w-10 items-center justify-center rounded-lg bg-[var(--brand)] text-lg font-bold text-[var(--brand-contrast)]">
          {name.slice(0, 1).toUpperCase()}
        </span>
      )}
      <span className="text-base font-semibold text-slate-900">{name}</span>
    </div>
  );
}
