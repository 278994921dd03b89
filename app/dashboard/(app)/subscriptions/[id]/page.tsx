import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { can, dashboardContext } from "@/app/_server/context";
import { isAppError } from "@/lib/errors/app-error";
import { formatMoney } from "@/lib/money/format";
import { getSubscription, listRenewals } from "@/lib/subscriptions/get-subscription";
import { CancelSubscriptionButton } from "@/components/dashboard/cancel-subscription-button";
import { StatusBadge } from "@/components/ui/badge";
import { Card, Details, PageHeader } from "@/components/ui/page";
import { buttonClass } from "@/components/ui/styles";

export const metadata: Metadata = { title: "Subscription" };

type Props = { params: Promise<{ id: string }> };

const day = (date: Date) => date.toISOString().slice(0, 10);

export default async function SubscriptionPage({ params }: Props) {
  const { id } = await params;
  const context = await dashboardContext();
  const { db } = context;
  const subscription = await getSubscription(db, context.owner, decodeURIComponent(id)).catch((error) => {
    if (isAppError(error)) notFound();
    throw error;
  });
  const charges = await listRenewals(db, context.owner, subscription.id);
  const money = (minor: number) => formatMoney(minor, subscription.currency);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/dashboard/subscriptions" className={buttonClass.link}>
          ← Subscriptions
        </Link>
      </p>
      <PageHeader
        title={`${money(subscription.amount)} every ${subscription.intervalDays} days`}
        description={
          <span className="flex items-center gap-2">
            <StatusBadge status={subscription.status} />
            <span className="font-mono text-xs">{subscription.id}</span>
          </span>
        }
        actions={subscription.status !== "canceled" && can(context, "payments:write") ? <CancelSubscriptionButton subscriptionId={subscription.id} /> : undefined}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Details">
          <Details
            rows={[
              ["Current period", `${day(subscription.currentPeriodStart)} to ${day(subscription.currentPeriodEnd)}`],
              ["Next charge", subscription.status === "canceled" ? null : day(subscription.nextChargeAt)],
              ["Declined renewals", subscription.failedCharges > 0 ? String(subscription.failedCharges) : null],
              ["First payment", <Link key="first" href={`/dashboard/payments/${subscription.intentId}`} className={buttonClass.link}>{subscription.intentId}</Link>],
              ["Dialect", subscription.dialect],
              ["Started", day(subscription.createdAt)],
              ["Canceled", subscription.canceledAt ? day(subscription.canceledAt) : null],
            ]}
          />
        </Card>
        <Card title="Renewals">
          {charges.length === 0 ? (
            <p className="text-sm text-slate-600">No renewal yet. The first is due on {day(subscription.nextChargeAt)}.</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {charges.map((charge) => (
                <li key={charge.id} className="flex items-center justify-between py-2 text-sm">
                  <Link href={`/dashboard/payments/${charge.id}`} className="underline-offset-4 hover:underline">
                    Period {charge.subscriptionPeriod} · {day(charge.createdAt)}
                  </Link>
                  <StatusBadge status={charge.status} />
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
