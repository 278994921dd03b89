import { PAYMENT_STATUS_LABELS } from "@/lib/dashboard/payment-status-labels";

const TONES: Record<string, string> = {
  succeeded: "bg-emerald-100 text-emerald-900",
  active: "bg-emerald-100 text-emerald-900",
  authorized: "bg-sky-100 text-sky-900",
  processing: "bg-sky-100 text-sky-900",
  pending: "bg-slate-100 text-slate-800",
  retrying: "bg-amber-100 text-amber-900",
  delivering: "bg-sky-100 text-sky-900",
  requires_payment_method: "bg-slate-100 text-slate-800",
  requires_action: "bg-amber-100 text-amber-900",
  past_due: "bg-amber-100 text-amber-900",
  failed: "bg-red-100 text-red-900",
  canceled: "bg-slate-200 text-slate-800",
  expired: "bg-slate-200 text-slate-800",
  refunded: "bg-violet-100 text-violet-900",
  partially_refunded: "bg-violet-100 text-violet-900",
  disabled: "bg-red-100 text-red-900",
  revoked: "bg-slate-200 text-slate-800",
  deactivated: "bg-slate-200 text-slate-800",
  sent: "bg-emerald-100 text-emerald-900",
  stored: "bg-slate-100 text-slate-800",
  sending: "bg-sky-100 text-sky-900",
  underpaid: "bg-amber-100 text-amber-900",
  // A payment's transfers on chain.
  confirming: "bg-sky-100 text-sky-900",
  final: "bg-emerald-100 text-emerald-900",
  removed: "bg-red-100 text-red-900",
  paid_late: "bg-amber-100 text-amber-900",
  overpaid: "bg-amber-100 text-amber-900",
};

const LABELS: Record<string, string> = {
  ...PAYMENT_STATUS_LABELS,
  past_due: "past due",
  stored: "kept in mailbox",
  removed: "reorganised away",
};

/** A status in words and colour; the words alone carry the meaning. */
export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-semibold ${TONES[status] ?? "bg-slate-100 text-slate-800"}`}>
      {LABELS[status] ?? status.replaceAll("_", " ")}
    </span>
  );
}
