import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { can, dashboardContext } from "@/app/_server/context";
import { isAppError } from "@/lib/errors/app-error";
import { formatMoney } from "@/lib/money/format";
import { searchPayments } from "@/lib/dashboard/search-payments";
import { describeLinkPrice } from "@/lib/payment-links/describe-price";
import { getPaymentLink } from "@/lib/payment-links/get-payment-link";
import { linkTotals } from "@/lib/payment-links/link-totals";
import { paymentLinkUrl } from "@/lib/payment-links/payment-link-url";
import { qrSvg } from "@/lib/ui/qr-svg";
import { plural } from "@/lib/ui/plural";
import { DeactivateLinkButton } from "@/components/dashboard/payment-link-forms";
import { StatusBadge } from "@/components/ui/badge";
import { PaymentAmountAndStatus } from "@/components/dashboard/payment-cells";
import { ListTable } from "@/components/ui/list-table";
import { Card, Details, EmptyState, PageHeader } from "@/components/ui/page";
import { buttonClass } from "@/components/ui/styles";

export const metadata: Metadata = { title: "Payment link" };

type Props = { params: Promise<{ id: string }> };

export default async function PaymentLinkPage({ params }: Props) {
  const { id } = await params;
  const context = await dashboardContext();
  const link = await getPaymentLink(context.db, context.owner, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const [totals, recent] = await Promise.all([
    linkTotals(context.db, context.owner, link.id),
    searchPayments(context.db, context.owner, { link: link.id, limit: 10 }),
  ]);
  const url = paymentLinkUrl(link);
  const money = (minor: number) => formatMoney(minor, link.currency);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/dashboard/payment-links" className={buttonClass.link}>
          ← Payment links
        </Link>
      </p>
      <PageHeader
        title={link.name}
        description={describeLinkPrice(link, money)}
        actions={link.active && can(context, "payment_links:manage") ? <DeactivateLinkButton linkId={link.id} /> : undefined}
      />
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <div className="lg:col-start-2 lg:row-start-1">
        <Card title="Share">
          <div className="space-y-4">
            <div className="flex items-center gap-2">
              <StatusBadge status={link.active ? "active" : "deactivated"} />
              {!link.active && <span className="text-sm text-slate-600">Its page tells buyers it is no longer active.</span>}
            </div>
            <p className="break-all font-mono text-sm text-slate-900" data-testid="link-url">
              {url}
            </p>
            <a href={url} target="_blank" rel="noreferrer" className={buttonClass.secondary}>
              Open the link
            </a>
            {/* Drawn on the server from the link's own address; nothing a user typed is in it. */}
            <figure className="w-48 max-w-full">
              <div role="img" aria-label={`QR code for ${url}`} className="rounded-lg border border-slate-200 bg-white" dangerouslySetInnerHTML={{ __html: qrSvg(url) }} />
              <figcaption className="mt-1 text-xs text-slate-600">Print it, or show it at the counter.</figcaption>
            </figure>
          </div>
        </Card>
        </div>
        <div className="space-y-6 lg:col-start-1 lg:row-start-1">
          <Card title="Totals">
            <div data-testid="link-totals">
              <Details
                rows={[
                  ["Checkouts opened", String(totals.opened)],
                  ["Paid", plural(totals.paid, "payment")],
                  ...totals.volumes.flatMap((volume): [string, string][] => [
                    [`Captured (${volume.currency})`, formatMoney(volume.captured, volume.currency)],
                    [`Refunded (${volume.currency})`, formatMoney(volume.refunded, volume.currency)],
                    [`Net (${volume.currency})`, formatMoney(volume.net, volume.currency)],
                  ]),
                ]}
              />
            </div>
          </Card>
          <Card title="Payments through this link" actions={<Link href={`/dashboard/payments?link=${link.id}`} className={buttonClass.link}>All in Payments →</Link>}>
            {recent.payments.length === 0 ? (
              <EmptyState title="No payments yet">Each visit to the link starts one; it appears here at once.</EmptyState>
            ) : (
              <ListTable caption="Payments through this link" columns={["Amount", "Status", "Customer", "Created"]}>
                {recent.payments.map((payment) => (
                  <tr key={payment.id}>
                    <PaymentAmountAndStatus payment={payment} />
                    <td className="max-w-[14rem] truncate px-4 py-3 text-slate-700">{payment.customerEmail ?? payment.buyerEmail ?? "—"}</td>
                    <td className="whitespace-nowrap px-4 py-3 text-slate-600">{payment.createdAt.toISOString().slice(0, 16).replace("T", " ")}</td>
                  </tr>
                ))}
              </ListTable>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
