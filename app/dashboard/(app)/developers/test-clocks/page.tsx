import type { Metadata } from "next";
import Link from "next/link";
import { can, dashboardContext } from "@/app/_server/context";
import { CreateClockForm } from "@/components/dashboard/test-mode-forms";
import { Card, EmptyState, PageHeader } from "@/components/ui/page";
import { developerTabs, Tabs } from "@/components/ui/tabs";
import { listTestClocks } from "@/lib/test-clocks/get-test-clock";

export const metadata: Metadata = { title: "Test clocks" };

const when = (date: Date) => date.toISOString().replace("T", " ").slice(0, 16) + " UTC";

export default async function TestClocksPage() {
  const context = await dashboardContext();
  const manage = can(context, "webhooks:manage");
  return (
    <>
      <PageHeader title="Developers" description="Keys for your server, webhooks for your server to hear back, and code to start from." />
      <Tabs label="Developers" tabs={developerTabs("clocks")} />
      {context.mode === "live" ? (
        <EmptyState title="Test clocks are for test mode">Switch to test mode to make a clock and watch a subscription renew for months in seconds.</EmptyState>
      ) : (
        <div className="space-y-6">
          <p className="text-sm text-slate-700">
            A test clock is simulated time. Create intents on it with <code className="font-mono text-xs">test_clock</code>, then advance it: expiry, renewals, declined
            renewals and their retries, and stale authorizations all happen at once, in order, each stamped with the clock&apos;s time.
          </p>
          {manage && (
            <Card title="New test clock">
              <CreateClockForm now={new Date()} />
            </Card>
          )}
          <Card title="Test clocks">
            <ClockList clocks={await listTestClocks(context.db, context.owner)} />
          </Card>
        </div>
      )}
    </>
  );
}

function ClockList({ clocks }: { clocks: Awaited<ReturnType<typeof listTestClocks>> }) {
  if (clocks.length === 0) return <EmptyState title="No test clocks yet">Create one above, or with POST /api/v1/test-clocks.</EmptyState>;
  return (
    <ul className="divide-y divide-slate-100">
      {clocks.map((clock) => (
        <li key={clock.id} className="flex flex-wrap items-center justify-between gap-2 py-3 text-sm">
          <Link href={`/dashboard/developers/test-clocks/${clock.id}`} className="font-medium text-indigo-700 underline-offset-2 hover:underline">
            {clock.name || clock.id}
          </Link>
          <span className="text-slate-600">reads {when(clock.frozenTime)}</span>
        </li>
      ))}
    </ul>
  );
}
