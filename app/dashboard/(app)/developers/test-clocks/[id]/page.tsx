import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { can, dashboardContext } from "@/app/_server/context";
import { AdvanceClockForm } from "@/components/dashboard/test-mode-forms";
import { StatusBadge } from "@/components/ui/badge";
import { Card, Details, EmptyState, PageHeader } from "@/components/ui/page";
import { buttonClass } from "@/components/ui/styles";
import { isAppError } from "@/lib/errors/app-error";
import { formatMoney } from "@/lib/money/format";
import { clockObjects } from "@/lib/test-clocks/clock-objects";
import { getTestClock } from "@/lib/test-clocks/get-test-clock";

export const metadata: Metadata = { title: "Test clock" };

type Props = { params: Promise<{ id: string }> };

const when = (date: Date | null) => (date ? date.toISOString().replace("T", " ").slice(0, 16) + " UTC" : "—");

export default async function TestClockPage({ params }: Props) {
  const { id } = await params;
  const context = await dashboardContext();
  const clock = await getTestClock(context.db, context.owner, decodeURIComponent(id)).catch((error) => {
    if (isAppError(error)) notFound();
    throw error;
  });
  const objects = await clockObjects(context.db, context.owner, clock.id);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/dashboard/developers/test-clocks" className={buttonClass.link}>
          ← Test clocks
        </Link>
      </p>
      <PageHeader title={clock.name || "Test clock"} description={<span className="font-mono text-xs">{clock.id}</span>} />
      <div className="space-y-6">
        <Card title="Clock">
          <Details rows={[["Reads", <strong key="t">{when(clock.frozenTime)}</strong>], ["Created", when(clock.createdAt)]]} />
          {can(context, "webhooks:manage") && (
            <div className="mt-5">
              <AdvanceClockForm clockId={clock.id} frozenTime={clock.frozenTime} />
            </div>
          )}
        </Card>
        <Card title="Subscriptions on this clock">
          {objects.subscriptions.length === 0 ? (
            <EmptyState title="None yet">A recurring intent created with this test_clock starts one when it is paid.</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100">
              {objects.subscriptions.map((subscription) => (
                <li key={subscription.id} className="flex flex-wrap items-center gap-3 py-3 text-sm">
                  <StatusBadge status={subscription.status} />
                  <Link href={`/dashboard/subscriptions/${subscription.id}`} className="font-mono text-xs underline-offset-2 hover:underline">{subscription.id}</Link>
                  <span className="text-slate-700">{formatMoney(subscription.amount, subscription.currency)} every {subscription.intervalDays} days</span>
                  <span className="text-slate-600">{subscription.status === "canceled" ? `ended ${when(subscription.canceledAt)}` : `next charge ${when(subscription.nextChargeAt)}`}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="Payments on this clock">
          {objects.intents.length === 0 ? (
            <EmptyState title="None yet">Create a payment intent with this clock&apos;s id as test_clock.</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100">
              {objects.intents.map((intent) => (
                <li key={intent.id} className="flex flex-wrap items-center gap-3 py-3 text-sm">
                  <StatusBadge status={intent.status} />
                  <Link href={`/dashboard/payments/${intent.id}`} className="font-mono text-xs underline-offset-2 hover:underline">{intent.id}</Link>
                  <span className="text-slate-700">{formatMoney(intent.amount, intent.currency)}</span>
                  <span className="text-slate-600">created {when(intent.createdAt)}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
