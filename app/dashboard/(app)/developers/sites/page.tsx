import type { Metadata } from "next";
import { can, dashboardContext } from "@/app/_server/context";
import { listConnectedSites } from "@/lib/accounts/connected-sites";
import { DisconnectSiteButton } from "@/components/dashboard/developer-forms";
import { Card, EmptyState, PageHeader } from "@/components/ui/page";
import { developerTabs, Tabs } from "@/components/ui/tabs";

export const metadata: Metadata = { title: "Connected sites" };

const when = (date: Date) => date.toISOString().replace("T", " ").slice(0, 16) + " UTC";

export default async function ConnectedSitesPage() {
  const context = await dashboardContext();
  const manage = can(context, "sites:connect");
  const sites = await listConnectedSites(context.db, context.merchant.id);
  return (
    <>
      <PageHeader title="Developers" description="Keys for your server, webhooks for your server to hear back, and code to start from." />
      <Tabs label="Developers" tabs={developerTabs("sites")} />
      {sites.length === 0 ? (
        <EmptyState title="No shop is connected">
          A shop plugin with a “Connect” button (MutoPay&apos;s WooCommerce plugin, for one) sends you to Kassa to approve it; it then
          gets its own API key and webhook endpoint, listed here.
        </EmptyState>
      ) : (
        <Card title="Connected sites">
          <ul className="divide-y divide-slate-100">
            {sites.map((site) => (
              <li key={site.id} data-testid="connected-site" className="flex flex-wrap items-start justify-between gap-3 py-3 first:pt-0 last:pb-0">
                <div className="min-w-0 text-sm">
                  <p className="font-semibold text-slate-900">
                    {site.siteName}
                    {site.platform && <span className="ml-2 font-normal text-slate-600">{site.platform}</span>}
                  </p>
                  <p className="break-all font-mono text-xs text-slate-700">{site.webhookUrl}</p>
                  <p className="text-xs text-slate-600">
                    Connected {when(site.createdAt)}
                    {site.exchangedAt ? " · credentials collected" : " · credentials not collected yet"}
                  </p>
                </div>
                {manage && <DisconnectSiteButton siteId={site.id} siteName={site.siteName} />}
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}
