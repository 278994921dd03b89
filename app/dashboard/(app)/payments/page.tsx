import type { Metadata } from "next";
import Link from "next/link";
import { registeredDialects } from "@/lib/dialects/registry";
import { dashboardContext } from "@/app/_server/context";
import { parsePaymentFilters } from "@/lib/dashboard/payment-filters";
import { PAYMENT_STATUS_LABELS, PAYMENT_STATUSES } from "@/lib/dashboard/payment-status";
import { searchPayments } from "@/lib/dashboard/search-payments";
import { listPaymentLinks } from "@/lib/payment-links/list-payment-links";
import { formatMoney } from "@/lib/money/format";
import { PaymentAmountAndStatus } from "@/components/dashboard/payment-cells";
import { EmptyState, PageHeader } from "@/components/ui/page";
import { Field } from "@/components/ui/action-form";
import { buttonClass } from "@/components/ui/styles";
import { ListTable } from "@/components/ui/list-table";

export const metadata: Metadata = { title: "Payments" };

const ANY = { value: "", label: "Any" };
const STATUS_OPTIONS = [ANY, ...PAYMENT_STATUSES.map((status) => ({ value: status, label: PAYMENT_STATUS_LABELS[status] }))];
const DIALECT_OPTIONS = [ANY, ...registeredDialects().map(({ name }) => ({ value: name, label: name }))];

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PaymentsPage({ searchParams }: Props) {
  const { db, owner } = await dashboardContext();
  const filters = parsePaymentFilters(await searchParams);
  const [results, links] = await Promise.all([searchPayments(db, owner, filters), listPaymentLinks(db, owner, { limit: 100 })]);
  const keep = { status: filters.status, dialect: filters.dialect, from: filters.from, to: filters.to, q: filters.q, link: filters.link };
  const linkOptions = [ANY, ...links.links.map((paymentLink) => ({ value: paymentLink.id, label: paymentLink.name }))];
  const link = (cursor: Record<string, string>) =>
    `/dashboard/payments?${new URLSearchParams(Object.entries({ ...keep, ...cursor }).filter(([, v]) => v) as [string, string][])}`;
  const filtered = Object.values(keep).some(Boolean);
  const exportQuery = new URLSearchParams(Object.entries(keep).filter(([, v]) => v) as [string, string][]).toString();

  return (
    <>
      <PageHeader title="Payments" description="Every payment intent, in any dialect, newest first." />
      <form method="get" className="mb-6 grid gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-6">
        <Field name="q" label="Search" defaultValue={filters.q} placeholder="Intent id, reference, email or transaction" hint="An id or a transaction hash in full; at least 3 characters of a reference or email." className="lg:col-span-2" />
        <Field name="status" label="Status" defaultValue={filters.status ?? ""} options={STATUS_OPTIONS} />
        <Field name="dialect" label="Dialect" defaultValue={filters.dialect ?? ""} options={DIALECT_OPTIONS} />
        <Field name="from" label="From" type="date" defaultValue={filters.from} />
        <Field name="to" label="To" type="date" defaultValue={filters.to} />
        {links.links.length > 0 && <Field name="link" label="Payment link" defaultValue={filters.link ?? ""} options={linkOptions} className="lg:col-span-2" />}
        <div className="flex gap-2 sm:col-span-2 lg:col-span-6">
          <button type="submit" className={buttonClass.primary}>
            Apply
          </button>
          {filtered && (
            <Link href="/dashboard/payments" className={buttonClass.secondary}>
              Clear
            </Link>
          )}
          {/* A plain link: the browser downloads the file. */}
          <a href={`/dashboard/payments/export?${exportQuery}`} className={`${buttonClass.secondary} ml-auto`} download>
            Export CSV
          </a>
        </div>
      </form>

      {results.payments.length === 0 ? (
        <EmptyState title={filtered ? "No payments match" : "No payments yet"}>
          {filtered
            ? "Try another status, dialect or date range, or clear the filters."
            : "Payments appear here as soon as your server creates a payment intent. The Developers page has snippets for every dialect."}
        </EmptyState>
      ) : (
        <ListTable caption="Payments" columns={["Amount", "Status", "Refunded", "Description", "Customer", "Dialect", "Created"]}>
          {results.payments.map((payment) => (
            <tr key={payment.id} className="hover:bg-slate-50">
              <PaymentAmountAndStatus payment={payment} />
              <td className="whitespace-nowrap px-4 py-3 tabular-nums text-slate-700">
                {payment.amountRefunded > 0 ? formatMoney(payment.amountRefunded, payment.currency) : "—"}
              </td>
              <td className="max-w-[16rem] truncate px-4 py-3 text-slate-700">{payment.description ?? payment.referenceId ?? <span className="font-mono text-xs">{payment.id}</span>}</td>
              <td className="max-w-[14rem] truncate px-4 py-3 text-slate-700">{payment.customerEmail ?? payment.buyerEmail ?? "—"}</td>
              <td className="px-4 py-3 text-slate-700">{payment.dialect}</td>
              <td className="whitespace-nowrap px-4 py-3 text-slate-600">
                <time dateTime={payment.createdAt.toISOString()}>{payment.createdAt.toISOString().slice(0, 16).replace("T", " ")}</time>
              </td>
            </tr>
          ))}
        </ListTable>
      )}
      <nav aria-label="Pages" className="mt-4 flex justify-between">
        {results.hasNewer && results.payments[0] ? (
          <Link href={link({ before: results.payments[0].id })} className={buttonClass.secondary}>
            ← Newer
          </Link>
        ) : (
          <span />
        )}
        {results.hasOlder && results.payments.at(-1) && (
          <Link href={link({ after: results.payments.at(-1)!.id })} className={buttonClass.secondary}>
            Older →
          </Link>
        )}
      </nav>
    </>
  );
}
