import type { Metadata } from "next";
import Link from "next/link";
import { dashboardContext } from "@/app/_server/context";
import { FAILING_AFTER, merchantOverview } from "@/lib/dashboard/overview";
import { plural } from "@/lib/ui/plural";
import { formatMoney } from "@/lib/money/format";
import { VolumeChart } from "@/components/dashboard/volume-chart";
import { Card, EmptyState, PageHeader } from "@/components/ui/page";
import { buttonClass } from "@/components/ui/styles";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const { db, owner } = await dashboardContext();
  const overview = await merchantOverview(db, owner);
  const successRate = overview.attempted > 0 ? Math.round((overview.paid / overview.attempted) * 1000) / 10 : null;
  const main = overview.volumes[0];
  const { attention } = overview;
  const attentionItems = [
    ...attention.failingEndpoints.map((endpoint) => ({
      text: `Webhooks to ${endpoint.url} are failing: its last ${FAILING_AFTER} deliveries failed (last answer: ${endpoint.lastStatusCode ? `HTTP ${endpoint.lastStatusCode}` : (endpoint.lastError ?? "none")})`,
      href: `/dashboard/developers/webhooks/${endpoint.id}`,
    })),
    attention.failedDeliveries > 0 && {
      text: `${plural(attention.failedDeliveries, "webhook delivery", "webhook deliveries")} failed for good in the last 30 days`,
      href: "/dashboard/developers/webhooks",
    },
    attention.disabledEndpoints > 0 && {
      text: `${plural(attention.disabledEndpoints, "webhook endpoint was", "webhook endpoints were")} turned off after answering 410`,
      href: "/dashboard/developers/webhooks",
    },
    attention.pastDueSubscriptions > 0 && {
      text: `${plural(attention.pastDueSubscriptions, "subscription is", "subscriptions are")} past due`,
      href: "/dashboard/subscriptions?status=past_due",
    },
    attention.awaitingCapture > 0 && {
      text: `${plural(attention.awaitingCapture, "payment is", "payments are")} authorized and waiting to be captured`,
      href: "/dashboard/payments?status=authorized",
    },
  ].filter(Boolean) as { text: string; href: string }[];

  return (
    <>
      <PageHeader title="Overview" description="The last 30 days, in UTC." />
      <div className="grid gap-4 sm:grid-cols-3">
        <Stat label="Net volume" value={main ? formatMoney(main.volume, main.currency) : "—"} note={overview.volumes.slice(1).map((v) => formatMoney(v.volume, v.currency)).join(" · ") || undefined} />
        <Stat
          label="Successful payments"
          value={String(overview.paid)}
          note={overview.authorized > 0 ? `including ${overview.authorized} authorized, not captured yet` : undefined}
        />
        <Stat label="Success rate" value={successRate === null ? "—" : `${successRate}%`} note={`${overview.paid} of ${overview.attempted} attempted`} />
      </div>
      <div className="mt-6 grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Card title={`Daily volume${overview.currency ? ` (${overview.currency})` : ""}`}>
          {overview.currency ? (
            <VolumeChart days={overview.days} currency={overview.currency} />
          ) : (
            <EmptyState title="No payments yet">
              Create a payment intent with your API key, or try the{" "}
              <Link href="/demo" className={buttonClass.link}>
                demo store
              </Link>
              . Your first successful payment shows up here.
            </EmptyState>
          )}
        </Card>
        <Card title="Needs attention">
          {attentionItems.length === 0 ? (
            <p className="text-sm text-slate-600">Nothing right now: no webhook endpoint is failing, and no subscription or capture is waiting on you.</p>
          ) : (
            <ul className="space-y-2">
              {attentionItems.map((item) => (
                <li key={item.text}>
                  <Link href={item.href} className="text-sm font-medium text-amber-900 underline-offset-4 hover:underline">
                    {item.text}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}

function Stat({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm" data-testid="stat">
      <p className="text-sm font-medium text-slate-600">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{value}</p>
      {note && <p className="mt-1 text-xs text-slate-600">{note}</p>}
    </div>
  );
}
