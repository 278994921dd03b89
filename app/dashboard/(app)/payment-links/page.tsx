import type { Metadata } from "next";
import Link from "next/link";
import { can, dashboardContext } from "@/app/_server/context";
import { formatMoney } from "@/lib/money/format";
import { listPaymentLinks } from "@/lib/payment-links/list-payment-links";
import { paymentLinkUrl } from "@/lib/payment-links/payment-link-url";
import { describeLinkPrice } from "@/lib/payment-links/describe-price";
import { CreateLinkForm } from "@/components/dashboard/payment-link-forms";
import { StatusBadge } from "@/components/ui/badge";
import { Card, EmptyState, PageHeader } from "@/components/ui/page";

export const metadata: Metadata = { title: "Payment links" };

export default async function PaymentLinksPage() {
  const context = await dashboardContext();
  const { links } = await listPaymentLinks(context.db, context.owner, { limit: 100 });
  const manage = can(context, "payment_links:manage");
  return (
    <>
      <PageHeader title="Payment links" description="Sell without writing code: share a link or its QR code, and each buyer gets a fresh checkout." />
      <div className="space-y-6">
        {links.length === 0 ? (
          <EmptyState title="No payment links yet">Create one below: a name and a price are enough.</EmptyState>
        ) : (
          <Card title="Links">
            <ul className="divide-y divide-slate-100" data-testid="payment-links">
              {links.map((link) => (
                <li key={link.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                  <div className="min-w-0">
                    <Link href={`/dashboard/payment-links/${link.id}`} className="text-sm font-semibold text-slate-900 underline-offset-4 hover:underline">
                      {link.name}
                    </Link>
                    <p className="text-xs text-slate-600">
                      {describeLinkPrice(link, (minor) => formatMoney(minor, link.currency))} · <span className="break-all font-mono">{paymentLinkUrl(link)}</span>
                    </p>
                  </div>
                  <StatusBadge status={link.active ? "active" : "deactivated"} />
                </li>
              ))}
            </ul>
          </Card>
        )}
        {manage ? (
          <Card title="Create a payment link">
            <CreateLinkForm currency={Object.keys(context.merchant.minimumAmounts ?? {})[0] ?? "USD"} />
          </Card>
        ) : (
          <p className="rounded-lg bg-slate-50 px-3 py-2 text-sm text-slate-700">Only owners, admins and developers can create payment links.</p>
        )}
      </div>
    </>
  );
}
