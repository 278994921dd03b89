"use client";

import { useState } from "react";
import type { ActionResult } from "@/app/_server/action-result";
import {
  createEndpointAction,
  createKeyAction,
  deleteEndpointAction,
  disconnectSiteAction,
  redeliverAction,
  revealSecretAction,
  revokeKeyAction,
  rotateSecretAction,
  testEventAction,
  toggleEndpointAction,
  updateEndpointAction,
} from "@/app/dashboard/(app)/developers/actions";
import { ActionForm, Field } from "@/components/ui/action-form";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { SecretValue } from "@/components/ui/secret-value";
import { WEBHOOK_EVENT_TYPES } from "@/lib/events/event-types";

const secretOf = (result: ActionResult<unknown>) => (result.ok ? (result.data as { secret?: string } | undefined)?.secret : undefined);

/** A key of the mode the dashboard is in (as Stripe's): test keys reach the simulation only, live keys real money. */
export function CreateKeyForm({ mode }: { mode: "test" | "live" }) {
  const [secret, setSecret] = useState<string | null>(null);
  return (
    <div className="space-y-4">
      <ActionForm action={createKeyAction} submitLabel="Create secret key" resetOnSuccess onSuccess={(result) => setSecret(secretOf(result) ?? null)} className="flex flex-wrap items-end gap-3">
        <div className="min-w-[16rem] flex-1">
          <Field name="label" label="Label" placeholder="Production server" hint="So you can tell your keys apart." />
        </div>
        <input type="hidden" name="key_mode" value={mode} />
      </ActionForm>
      {secret && <SecretValue label="Your new secret key. It is shown only this once." value={secret} />}
    </div>
  );
}

export function RevokeKeyButton({ keyId, hint }: { keyId: string; hint: string }) {
  return (
    <ConfirmAction
      label="Revoke"
      title={`Revoke ${hint}`}
      description="Every request with this key will get 401 from now on. This cannot be undone."
      confirmLabel="Revoke key"
      variant="danger"
      action={revokeKeyAction}
      hidden={{ key_id: keyId }}
    />
  );
}

export function CreateEndpointForm() {
  const [secret, setSecret] = useState<string | null>(null);
  return (
    <div className="space-y-4">
      <ActionForm action={createEndpointAction} submitLabel="Add endpoint" resetOnSuccess onSuccess={(result) => setSecret(secretOf(result) ?? null)}>
        <Field name="url" label="Endpoint URL" type="url" placeholder="https://shop.example.com/webhooks/kassa" required />
        <Field name="description" label="Description" placeholder="Order fulfilment" />
        <EventChoices />
      </ActionForm>
      {secret && <SecretValue label="The endpoint's signing secret. Verify every webhook with it." value={secret} />}
    </div>
  );
}

/** The event types an endpoint hears, ticked where it already hears them; none ticked means every event. */
function EventChoices({ chosen = [] }: { chosen?: string[] }) {
  return (
    <fieldset>
      <legend className="mb-1 text-sm font-medium text-slate-800">Events to send</legend>
      <p className="mb-2 text-xs text-slate-600">Leave all unticked to receive every event.</p>
      <div className="grid gap-1 sm:grid-cols-2">
        {WEBHOOK_EVENT_TYPES.map((type) => (
          <label key={type} className="flex items-center gap-2 text-sm text-slate-800">
            <input type="checkbox" name="events" value={type} defaultChecked={chosen.includes(type)} className="h-4 w-4 rounded border-slate-400" />
            <code className="font-mono text-xs">{type}</code>
            {type === "payment.authorized" && <span className="text-xs text-slate-600">(seed 002 service payments only)</span>}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Changes an endpoint's URL, description and events. */
export function EditEndpointForm(props: { endpointId: string; url: string; description: string; events: string[] }) {
  return (
    <ActionForm action={updateEndpointAction} submitLabel="Save endpoint">
      <input type="hidden" name="endpoint_id" value={props.endpointId} />
      <Field name="url" label="Endpoint URL" type="url" defaultValue={props.url} required />
      <Field name="description" label="Description" defaultValue={props.description} />
      <EventChoices chosen={props.events} />
    </ActionForm>
  );
}

export function RevealSecret({ endpointId }: { endpointId: string }) {
  const [secret, setSecret] = useState<string | null>(null);
  if (secret) return <SecretValue label="Signing secret" value={secret} />;
  return (
    <ActionForm action={revealSecretAction} submitLabel="Reveal signing secret" variant="secondary" onSuccess={(result) => setSecret(secretOf(result) ?? null)} className="space-y-2">
      <input type="hidden" name="endpoint_id" value={endpointId} />
    </ActionForm>
  );
}

export function EndpointControls({ endpointId, enabled }: { endpointId: string; enabled: boolean }) {
  const hidden = { endpoint_id: endpointId };
  return (
    <div className="flex flex-wrap items-start gap-2">
      <ActionForm action={testEventAction} submitLabel="Send test event" variant="secondary" className="flex flex-col gap-2">
        <input type="hidden" name="endpoint_id" value={endpointId} />
      </ActionForm>
      <ConfirmAction
        label="Rotate secret"
        title="Rotate the signing secret"
        description="A new secret signs from now on. The old one also signs for the next 24 hours, so you can update your server without missing events."
        confirmLabel="Rotate"
        action={rotateSecretAction}
        hidden={hidden}
        secretLabel="The new signing secret"
      />
      <ConfirmAction
        label={enabled ? "Turn off" : "Turn on"}
        title={enabled ? "Turn this endpoint off" : "Turn this endpoint on"}
        description={enabled ? "Events wait in the queue until you turn it back on." : "Queued events are sent right away."}
        confirmLabel={enabled ? "Turn off" : "Turn on"}
        variant={enabled ? "danger" : "primary"}
        action={toggleEndpointAction}
        hidden={{ ...hidden, enabled: String(!enabled) }}
      />
      <ConfirmAction
        label="Delete"
        title="Delete this endpoint"
        description="It receives nothing more, and events waiting for it are dropped. Its delivery log stays. This cannot be undone."
        confirmLabel="Delete endpoint"
        variant="danger"
        action={deleteEndpointAction}
        hidden={hidden}
      />
    </div>
  );
}

export function RedeliverButton({ endpointId, eventId }: { endpointId: string; eventId: string }) {
  return (
    <ActionForm action={redeliverAction} submitLabel="Send again" variant="secondary" className="flex flex-col items-start gap-2">
      <input type="hidden" name="endpoint_id" value={endpointId} />
      <input type="hidden" name="event_id" value={eventId} />
    </ActionForm>
  );
}

export function DisconnectSiteButton({ siteId, siteName }: { siteId: string; siteName: string }) {
  return (
    <ConfirmAction
      label="Disconnect"
      title={`Disconnect ${siteName}`}
      description="Its API key is revoked (its requests get 401 from now on) and its webhook endpoint deleted. To use it again, connect it again from the shop."
      confirmLabel="Disconnect"
      variant="danger"
      action={disconnectSiteAction}
      hidden={{ site_id: siteId }}
    />
  );
}
