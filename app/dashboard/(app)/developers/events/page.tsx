import type { Metadata } from "next";
import Link from "next/link";
import { can, dashboardContext } from "@/app/_server/context";
import { deliveryBadge, deliveryText } from "@/lib/dashboard/delivery-text";
import { listEvents } from "@/lib/dashboard/list-events";
import { RedeliverButton } from "@/components/dashboard/developer-forms";
import { StatusBadge } from "@/components/ui/badge";
import { Card, EmptyState, PageHeader } from "@/components/ui/page";
import { buttonClass } from "@/components/ui/styles";
import { developerTabs, Tabs } from "@/components/ui/tabs";

export const metadata: Metadata = { title: "Events" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Every event of the merchant, newest first, with where each was delivered and how that went. */
export default async function EventsPage({ searchParams }: Props) {
  const query = await searchParams;
  const before = typeof query.before === "string" && /^evt_[A-Za-z0-9]{1,60}$/.test(query.before) ? query.before : undefined;
  const context = await dashboardContext();
  const page = await listEvents(context.db, context.owner, { before });
  const manage = can(context, "webhooks:manage");
  return (
    <>
      <PageHeader title="Developers" description="Every event Kassa recorded for this merchant, and each webhook delivery of it." />
      <Tabs label="Developers" tabs={developerTabs("events")} />
      {page.events.length === 0 ? (
        <EmptyState title="No events yet">Events appear as payments are created, paid, refunded or canceled.</EmptyState>
      ) : (
        <Card title="Events">
          <ol className="divide-y divide-slate-100" data-testid="events">
            {page.events.map((event) => (
              <li key={event.id} className="py-3">
                <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                  <p className="font-mono text-sm font-semibold text-slate-900">{event.type}</p>
                  <time dateTime={event.createdAt.toISOString()} className="text-xs text-slate-600">
                    {event.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC
                  </time>
                </div>
                <p className="text-xs text-slate-600">
                  <span className="font-mono">{event.id}</span>
                  {event.intentId && (
                    <>
                      {" · "}
                      <Link href={`/dashboard/payments/${event.intentId}`} className="font-mono underline-offset-2 hover:underline">
                        {event.intentId}
                      </Link>
                    </>
                  )}
                  {" · "}
                  {event.actor}
                </p>
                {event.deliveries.length === 0 ? (
                  <p className="mt-1 text-xs text-slate-600">Not sent by webhook (recorded for the timeline, or no endpoint takes it).</p>
                ) : (
                  <ul className="mt-2 space-y-2">
                    {event.deliveries.map((delivery) => (
                      <li key={delivery.id} className="flex flex-wrap items-center gap-2 text-xs text-slate-700">
                        <StatusBadge status={deliveryBadge(delivery)} />
                        <Link href={`/dashboard/developers/webhooks/${delivery.endpointId}`} className="break-all font-mono underline-offset-2 hover:underline">
                          {delivery.endpointUrl}
                        </Link>
                        <span>{deliveryText(delivery)}</span>
                        {manage && delivery.status === "failed" && <RedeliverButton endpointId={delivery.endpointId} eventId={event.id} />}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        </Card>
      )}
      {page.olderThan && (
        <nav aria-label="Pages" className="mt-4 flex justify-end">
          <Link href={`/dashboard/developers/events?before=${page.olderThan}`} className={buttonClass.secondary}>
            Older →
          </Link>
        </nav>
      )}
    </>
  );
}
