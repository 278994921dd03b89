"use client";

import { removeAcquirerAction, setAcquirerAction } from "@/app/dashboard/(app)/settings/acquirer/actions";
import { ActionForm, Field } from "@/components/ui/action-form";
import { ConfirmAction } from "@/components/ui/confirm-action";

export type AcquirerOption = { value: string; label: string; secretKeyHint: string; webhookSecretHint: string; webhookUrl: string };

/** The key fields stay empty: a saved key is never shown again, only replaced. */
export function AcquirerForm({ options, current }: { options: AcquirerOption[]; current: string | null }) {
  const first = options.find((option) => option.value === current) ?? options[0]!;
  return (
    <ActionForm action={setAcquirerAction} submitLabel={current ? "Replace the key" : "Save acquirer"} resetOnSuccess>
      <Field name="type" label="Acquirer" defaultValue={first.value} options={options.map(({ value, label }) => ({ value, label }))} />
      <Field name="secret_key" label="Secret key" type="password" autoComplete="off" required placeholder="sk_live_…" hint={`Paste ${first.secretKeyHint}. It is stored sealed and never shown again.`} />
      <Field
        name="webhook_secret"
        label="Webhook signing secret"
        type="password"
        autoComplete="off"
        placeholder="whsec_…"
        hint={`${first.webhookSecretHint} ${first.webhookUrl}. Optional: left empty, the saved one is kept.`}
      />
    </ActionForm>
  );
}

export function RemoveAcquirerButton() {
  return (
    <ConfirmAction
      label="Remove acquirer"
      title="Remove the acquirer"
      description="Live keys are refused at once, and live payments still open get a decline the buyer may retry. Nothing already paid changes."
      confirmLabel="Remove"
      variant="danger"
      action={removeAcquirerAction}
      hidden={{}}
    />
  );
}
