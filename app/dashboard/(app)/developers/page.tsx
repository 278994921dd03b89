import type { Metadata } from "next";
import { can, dashboardContext } from "@/app/_server/context";
import { listApiKeys } from "@/lib/accounts/list-api-keys";
import { CreateKeyForm, RevokeKeyButton } from "@/components/dashboard/developer-forms";
import { StatusBadge } from "@/components/ui/badge";
import { Card, EmptyState, PageHeader } from "@/components/ui/page";
import { developerTabs, Tabs } from "@/components/ui/tabs";

export const metadata: Metadata = { title: "API keys" };

const when = (date: Date | null) => (date ? date.toISOString().replace("T", " ").slice(0, 16) + " UTC" : "Never");

export default async function ApiKeysPage() {
  const context = await dashboardContext();
  const manage = can(context, "api_keys:manage");
  const keys = manage ? await listApiKeys(context.db, context.merchant.id) : [];
  return (
    <>
      <PageHeader title="Developers" description="Keys for your server, webhooks for your server to hear back, and code to start from." />
      <Tabs label="Developers" tabs={developerTabs("keys")} />
      {!manage ? (
        <EmptyState title="API keys are for owners, admins and developers">Ask an owner of this merchant for access.</EmptyState>
      ) : (
        <div className="space-y-6">
          <Card title="Create a secret key">
            <CreateKeyForm />
          </Card>
          <Card title="Secret keys">
            {keys.length === 0 ? (
              <p className="text-sm text-slate-600">No keys yet. Create one above; your server sends it as a Bearer token (or in each dialect&apos;s own header).</p>
            ) : (
              <div className="overflow-x-auto">
                <table className="min-w-full text-sm">
                  <caption className="sr-only">Secret keys</caption>
                  <thead className="text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
                    <tr>
                      <th scope="col" className="pb-2 pr-4">Label</th>
                      <th scope="col" className="pb-2 pr-4">Key</th>
                      <th scope="col" className="pb-2 pr-4">Client id</th>
                      <th scope="col" className="pb-2 pr-4">Last used</th>
                      <th scope="col" className="pb-2 pr-4">Status</th>
                      <th scope="col" className="pb-2"><span className="sr-only">Actions</span></th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {keys.map((key) => (
                      <tr key={key.id} data-testid="api-key-row">
                        <td className="py-3 pr-4 text-slate-900">{key.label ?? "—"}</td>
                        <td className="py-3 pr-4 font-mono text-xs">{key.secretHint}</td>
                        <td className="py-3 pr-4 font-mono text-xs">{key.clientId}</td>
                        <td className="py-3 pr-4 text-slate-700">{when(key.lastUsedAt)}</td>
                        <td className="py-3 pr-4"><StatusBadge status={key.revokedAt ? "revoked" : "active"} /></td>
                        <td className="py-3 text-right">{!key.revokedAt && <RevokeKeyButton keyId={key.id} hint={key.secretHint} />}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Card>
        </div>
      )}
    </>
  );
}
