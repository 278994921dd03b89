import type { Metadata } from "next";
import { can, dashboardContext } from "@/app/_server/context";
import { findAcquirer } from "@/lib/accounts/get-acquirer";
import { ACQUIRERS, acquirerDefinition } from "@/lib/checkout/processors/registry";
import { acquirerWebhookUrl } from "@/lib/checkout/processors/webhook-url";
import { AcquirerForm, RemoveAcquirerButton } from "@/components/dashboard/acquirer-forms";
import { Card, PageHeader, ReadOnlyNote } from "@/components/ui/page";
import { settingsTabs, Tabs } from "@/components/ui/tabs";

export const metadata: Metadata = { title: "Live payments" };

export default async function AcquirerPage() {
  const context = await dashboardContext();
  const owner = can(context, "acquirer:manage");
  const acquirer = owner ? await findAcquirer(context.db, context.merchant.id) : null;
  const options = ACQUIRERS.map((definition) => ({
    value: definition.type,
    label: definition.label,
    secretKeyHint: definition.secretKeyHint,
    webhookSecretHint: definition.webhookSecretHint,
    webhookUrl: acquirerWebhookUrl(definition.type),
  }));
  return (
    <>
      <PageHeader title="Settings" description="Live payments go to your own acquirer account; test payments always go to Kassa's simulation." />
      <Tabs label="Settings" tabs={settingsTabs("acquirer")} />
      {!owner ? (
        <ReadOnlyNote>Only owners can see or change where live payments go.</ReadOnlyNote>
      ) : (
        <div className="space-y-6">
          <Card title="Acquirer">
            {acquirer ? (
              <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[12rem_1fr]">
                <dt className="font-medium text-slate-600">Acquirer</dt>
                <dd className="text-slate-900">{acquirerDefinition(acquirer.type)?.label ?? acquirer.type}</dd>
                <dt className="font-medium text-slate-600">Secret key</dt>
                <dd className="font-mono text-slate-900">…{acquirer.secretLast4}</dd>
                <dt className="font-medium text-slate-600">Webhook signing secret</dt>
                <dd className="text-slate-900">{acquirer.webhookSecretCiphertext ? "Saved" : "Not set"}</dd>
                <dt className="font-medium text-slate-600">Webhook URL</dt>
                <dd className="break-all font-mono text-xs text-slate-900">{acquirerWebhookUrl(acquirer.type)}</dd>
                <dt className="font-medium text-slate-600">Saved</dt>
                <dd className="text-slate-900">{acquirer.updatedAt.toISOString().slice(0, 16).replace("T", " ")} UTC</dd>
              </dl>
            ) : (
              <p className="text-sm text-slate-700">None yet. Live keys are refused, and the live dashboard says so, until one is set.</p>
            )}
          </Card>
          <Card title={acquirer ? "Replace the key" : "Set the acquirer"}>
            <AcquirerForm options={options} current={acquirer?.type ?? null} />
          </Card>
          {acquirer && (
            <Card title="Remove">
              <RemoveAcquirerButton />
            </Card>
          )}
        </div>
      )}
    </>
  );
}
