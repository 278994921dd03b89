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
  // Keys, like everything else here, are the mode's: a test key never shows among live ones.
  const keys = manage ? (await listApiKeys(context.db, context.merchant.id)).filter((key) => key.mode === context.mode) : [];
  return (
    <>
      <PageHeader title="Developers" description="Keys for your server, webhooks for your server to hear back, and code to start from." />
      <Tabs label="Developers" tabs={developerTabs("keys")} />
      {!manage ? (
        <EmptyState title="API keys are for owners, admins and developers">Ask an owner of this merchant for access.</EmptyState>
      ) : (
        <div className="space-y-6">
          <Card title={`Create a ${context.mode} secret key`}>
            <CreateKeyForm mode={context.mode} />
          </Card>
          <Card title={context.mode === "live" ? "Live secret keys" : "Test secret keys"}>
            {keys.length === 0 ? (
              <p className="text-sm text-slate-600">No keys yet. Create one above; your server sends it as a Bearer token (or in each dialect&apos;s own header).</p>
            ) : (
              <>
                {/* A list rather than a table, so that on a phone every key wraps onto lines and its Revoke stays in reach. */}
                <ul className="divide-y divide-slate-100">
                  {keys.map((key) => (
                    <li key={key.id} data-testid="api-key-row" className="flex flex-wrap items-start justify-between gap-3 py-3 first:pt-0 last:pb-0">
                      <div className="min-w-0 space-y-1 text-sm">
                        <p className="font-semibold text-slate-900">{key.label ?? "Unlabelled key"}</p>
                        <p className="break-all font-mono text-xs text-slate-700">
                          {key.secretHint} · client id {key.clientId}
                        </p>
                        <p className="text-xs text-slate-600">Last used: {when(key.lastUsedAt)}</p>
                      </div>
                      <div className="flex items-center gap-3">
                        <StatusBadge status={key.revokedAt ? "revoked" : "active"} />
                        {!key.revokedAt && <RevokeKeyButton keyId={key.id} hint={key.secretHint} />}
                      </div>
                    </li>
                  ))}
                </ul>
                <p className="mt-4 text-xs text-slate-600">“Last used” is updated at most once a minute per key, so a key in use now may show a time up to a minute ago.</p>
              </>
            )}
          </Card>
        </div>
      )}
    </>
  );
}
