import type { Metadata } from "next";
import Link from "next/link";
import { can, dashboardContext } from "@/app/_server/context";
import { listWebhookEndpoints } from "@/lib/webhooks/endpoints";
import { CreateEndpointForm } from "@/components/dashboard/developer-forms";
import { StatusBadge } from "@/components/ui/badge";
import { Card, EmptyState, PageHeader } from "@/components/ui/page";
import { developerTabs, Tabs } from "@/components/ui/tabs";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const deleted = (await searchParams).deleted === "1";
  const context = await dashboardContext();
  const manage = can(context, "webhooks:manage");
  const endpoints = await listWebhookEndpoints(context.db, context.owner);
  return (
    <>
      <PageHeader title="Developers" description="Kassa signs every webhook per Standard Webhooks and retries for about three days." />
      <Tabs label="Developers" tabs={developerTabs("webhooks")} />
      {deleted && (
        <p role="status" className="mb-4 rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          The endpoint was deleted. Its delivery log is kept.
        </p>
      )}
      <div className="space-y-6">
        {endpoints.length === 0 ? (
          <EmptyState title="No webhook endpoints yet">
            Add your server&apos;s URL below and Kassa will POST every payment and subscription event to it, signed so you can verify it came from Kassa.
          </EmptyState>
        ) : (
          <Card title="Endpoints">
            <ul className="divide-y divide-slate-100">
              {endpoints.map((endpoint) => (
                <li key={endpoint.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                  <div className="min-w-0">
                    <Link href={`/dashboard/developers/webhooks/${endpoint.id}`} className="break-all text-sm font-semibold text-slate-900 underline-offset-4 hover:underline">
                      {endpoint.url}
                    </Link>
                    <p className="text-xs text-slate-600">
                      {endpoint.description ? `${endpoint.description} · ` : ""}
                      {endpoint.events.length === 0 ? "every event" : endpoint.events.join(", ")}
                      {endpoint.apiKeyId ? " · only payments its connected site's key creates" : ""}
                    </p>
                  </div>
                  <StatusBadge status={endpoint.enabled ? "active" : "disabled"} />
                </li>
              ))}
            </ul>
          </Card>
        )}
        {manage && (
          <Card title="Add an endpoint">
            <CreateEndpointForm />
          </Card>
        )}
      </div>
    </>
  );
}
