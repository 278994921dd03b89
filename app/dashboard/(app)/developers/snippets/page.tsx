import type { Metadata } from "next";
import { dashboardContext } from "@/app/_server/context";
import { defaultCheckout } from "@/lib/accounts/checkouts";
import { listApiKeys } from "@/lib/accounts/list-api-keys";
import { publicUrl } from "@/lib/config/env";
import { dialectSnippets } from "@/lib/dashboard/snippets";
import { CopyButton } from "@/components/ui/copy-button";
import { Card, PageHeader } from "@/components/ui/page";
import { developerTabs, Tabs } from "@/components/ui/tabs";

export const metadata: Metadata = { title: "Code snippets" };

export default async function SnippetsPage() {
  const { db, merchant, mode } = await dashboardContext();
  const key = (await listApiKeys(db, merchant.id)).find((candidate) => !candidate.revokedAt && candidate.mode === mode);
  const checkout = await defaultCheckout(db, merchant.id);
  const snippets = dialectSnippets({ baseUrl: publicUrl(), merchantId: merchant.id, clientId: key?.clientId ?? null, checkoutId: checkout.id });
  return (
    <>
      <PageHeader
        title="Developers"
        description={
          <>
            Every example uses your merchant&apos;s ids. Set <code className="font-mono">KASSA_SECRET_KEY</code> to a secret key from the API keys tab;
            secrets are never shown again after you create them.
          </>
        }
      />
      <Tabs label="Developers" tabs={developerTabs("snippets")} />
      <div className="space-y-6">
        {snippets.map((snippet) => (
          <Card key={snippet.dialect} title={snippet.title} actions={<CopyButton value={snippet.code} />}>
            <pre className="overflow-x-auto rounded-lg bg-slate-900 p-4 text-xs leading-relaxed text-slate-100">
              <code>{snippet.code}</code>
            </pre>
          </Card>
        ))}
      </div>
    </>
  );
}
