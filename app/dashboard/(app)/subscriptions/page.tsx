import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { dashboardContext } from "@/app/_server/context";
import { listSubscriptions } from "@/lib/subscriptions/list-subscriptions";
import { formatMoney } from "@/lib/money/format";
import { StatusBadge } from "@/components/ui/badge";
import { EmptyState, PageHeader } from "@/components/ui/page";
import { buttonClass } from "@/components/ui/styles";
import { ListTable } from "@/components/ui/list-table";

export const metadata: Metadata = { title: "Subscriptions" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const query = z.object({
  status: z.enum(["active", "past_due", "canceled"]).optional().catch(undefined),
  after: z.string().max(64).optional().catch(undefined),
});

export default async function SubscriptionsPage({ searchParams }: Props) {
  const { db, owner } = await dashboardContext();
  const filters = query.parse(await searchParams);
  const page = await listSubscriptions(db, owner, { limit: 25, status: filters.status, startingAfter: filters.after });
  const tabs = [
    { label: "All", href: "/dashboard/subscriptions", current: !filters.status },
    { label: "Active", href: "/dashboard/subscriptions?status=active", current: filters.status === "active" },
    { label: "Past due", href: "/dashboard/subscriptions?status=past_due", current: filters.status === "past_due" },
    { label: "Canceled", href: "/dashboard/subscriptions?status=canceled", current: filters.status === "canceled" },
  ];
  return (
    <>
      <PageHeader title="Subscriptions" description="Recurring intents, once paid, charge their saved card every period." />
      <nav aria-label="Filter by status" className="mb-4 flex flex-wrap gap-2">
        {tabs.map((tab) => (
          <Link key={tab.label} href={tab.href} aria-current={tab.current ? "page" : undefined} className={tab.current ? buttonClass.primary : buttonClass.secondary}>
            {tab.label}
          </Link>
        ))}
      </nav>
      {page.subscriptions.length === 0 ? (
        <EmptyState title={filters.status ? "None with this status" : "No subscriptions yet"}>
          A subscription starts when a recurring intent is paid: with the mintro API, create an intent with{" "}
          <code className="font-mono">intent_type: &quot;recurring&quot;</code> and <code className="font-mono">interval_days</code>.
        </EmptyState>
      ) : (
        <ListTable caption="Subscriptions" columns={["Amount", "Every", "Status", "Next charge", "Started"]}>
          {page.subscriptions.map((subscription) => (
            <tr key={subscription.id} className="hover:bg-slate-50">
              <td className="px-4 py-3 font-semibold tabular-nums">
                <Link href={`/dashboard/subscriptions/${subscription.id}`} className="underline-offset-4 hover:underline">
                  {formatMoney(subscription.amount, subscription.currency)}
                </Link>
              </td>
              <td className="px-4 py-3">{subscription.intervalDays} days</td>
              <td className="px-4 py-3">
                <StatusBadge status={subscription.status} />
              </td>
              <td className="px-4 py-3 text-slate-700">{subscription.status === "canceled" ? "—" : subscription.nextChargeAt.toISOString().slice(0, 10)}</td>
              <td className="px-4 py-3 text-slate-700">{subscription.createdAt.toISOString().slice(0, 10)}</td>
            </tr>
          ))}
        </ListTable>
      )}
      {page.hasMore && page.subscriptions.at(-1) && (
        <nav aria-label="Pages" className="mt-4 flex justify-end">
          <Link href={`/dashboard/subscriptions?${new URLSearchParams({ ...(filters.status ? { status: filters.status } : {}), after: page.subscriptions.at(-1)!.id })}`} className={buttonClass.secondary}>
            Older →
          </Link>
        </nav>
      )}
    </>
  );
}
