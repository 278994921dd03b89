"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runAction, validationFailed, type ActionResult } from "@/app/_server/action-result";
import { authorize } from "@/app/_server/context";
import { disconnectSite } from "@/lib/accounts/connected-sites";
import { createApiKey } from "@/lib/accounts/create-api-key";
import { revokeApiKey } from "@/lib/accounts/revoke-api-key";
import { createApiKeyBody } from "@/lib/accounts/inputs";
import { createWebhookEndpointBody, updateWebhookEndpointBody } from "@/lib/webhooks/inputs";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  getWebhookEndpoint,
  revealSecret,
  rotateWebhookSecret,
  updateWebhookEndpoint,
} from "@/lib/webhooks/endpoints";
import { redeliverEvent } from "@/lib/webhooks/redeliver-event";
import { sendTestEvent } from "@/lib/webhooks/send-test-event";
import { formDataOf } from "@/app/_server/form-data";

const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim();

/** The secret comes back once, in the result, and is never stored anywhere readable. */
export async function createKeyAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult<{ secret: string; clientId: string }>> {
  form = formDataOf(form);
  return runAction<{ secret: string; clientId: string }>(async () => {
    const { db, merchant } = await authorize("api_keys:manage", form);
    const input = { label: text(form, "label") || null, mode: text(form, "key_mode") || undefined };
    const parsed = createApiKeyBody.safeParse(input);
    if (!parsed.success) return validationFailed(parsed.error, input);
    const { key, secretKey } = await createApiKey(db, merchant.id, parsed.data);
    revalidatePath("/dashboard/developers");
    return { ok: true, message: "Copy the secret key now: it will not be shown again.", data: { secret: secretKey, clientId: key.clientId } };
  });
}

export async function revokeKeyAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  form = formDataOf(form);
  return runAction(async () => {
    const { db, merchant } = await authorize("api_keys:manage", form);
    await revokeApiKey(db, merchant.id, text(form, "key_id"));
    revalidatePath("/dashboard/developers");
    return { ok: true, message: "The key was revoked. Requests with it now get 401." };
  });
}

export async function createEndpointAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult<{ secret: string; id: string }>> {
  form = formDataOf(form);
  return runAction<{ secret: string; id: string }>(async () => {
    const { db, owner } = await authorize("webhooks:manage", form);
    const input = { url: text(form, "url"), events: form.getAll("events").map(String), description: text(form, "description") || null };
    const parsed = createWebhookEndpointBody.safeParse(input);
    if (!parsed.success) return validationFailed(parsed.error, input);
    const { endpoint, secret } = await createWebhookEndpoint(db, owner, parsed.data);
    revalidatePath("/dashboard/developers/webhooks");
    return { ok: true, message: "Endpoint added. Copy its signing secret now, or reveal it later on its page.", data: { secret, id: endpoint.id } };
  });
}

export async function updateEndpointAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  form = formDataOf(form);
  return runAction(async () => {
    const { db, owner } = await authorize("webhooks:manage", form);
    const input = { url: text(form, "url"), events: form.getAll("events").map(String), description: text(form, "description") || null };
    const parsed = updateWebhookEndpointBody.safeParse(input);
    if (!parsed.success) return validationFailed(parsed.error, input);
    await updateWebhookEndpoint(db, owner, text(form, "endpoint_id"), parsed.data);
    revalidatePath(`/dashboard/developers/webhooks/${text(form, "endpoint_id")}`);
    return { ok: true, message: "Saved. Events from now on go to the new settings." };
  });
}

export async function deleteEndpointAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  form = formDataOf(form);
  const result = await runAction(async () => {
    const { db, owner } = await authorize("webhooks:manage", form);
    await deleteWebhookEndpoint(db, owner, text(form, "endpoint_id"));
    revalidatePath("/dashboard/developers/webhooks");
    return { ok: true };
  });
  // Outside runAction: redirect() works by throwing, and the endpoint's page no longer exists.
  if (result.ok) redirect("/dashboard/developers/webhooks?deleted=1");
  return result;
}

export async function revealSecretAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult<{ secret: string }>> {
  form = formDataOf(form);
  return runAction<{ secret: string }>(async () => {
    const { db, owner } = await authorize("webhooks:manage", form);
    const endpoint = await getWebhookEndpoint(db, owner, text(form, "endpoint_id"));
    return { ok: true, data: { secret: revealSecret(endpoint) } };
  });
}

export async function rotateSecretAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult<{ secret: string }>> {
  form = formDataOf(form);
  return runAction<{ secret: string }>(async () => {
    const { db, owner } = await authorize("webhooks:manage", form);
    const { secret } = await rotateWebhookSecret(db, owner, text(form, "endpoint_id"));
    revalidatePath(`/dashboard/developers/webhooks/${text(form, "endpoint_id")}`);
    return { ok: true, message: "New secret created. The old one keeps signing for 24 hours.", data: { secret } };
  });
}

export async function toggleEndpointAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  form = formDataOf(form);
  return runAction(async () => {
    const { db, owner } = await authorize("webhooks:manage", form);
    const enabled = text(form, "enabled") === "true";
    await updateWebhookEndpoint(db, owner, text(form, "endpoint_id"), { enabled });
    revalidatePath(`/dashboard/developers/webhooks/${text(form, "endpoint_id")}`);
    return { ok: true, message: enabled ? "The endpoint is on again; queued events are on their way." : "The endpoint is off; events wait for it." };
  });
}

export async function testEventAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  form = formDataOf(form);
  return runAction(async () => {
    const { db, owner } = await authorize("webhooks:manage", form);
    await sendTestEvent(db, owner, text(form, "endpoint_id"));
    revalidatePath(`/dashboard/developers/webhooks/${text(form, "endpoint_id")}`);
    return { ok: true, message: "A test event is on its way. Refresh in a moment to see its delivery." };
  });
}

export async function redeliverAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  form = formDataOf(form);
  return runAction(async () => {
    const { db, owner } = await authorize("webhooks:manage", form);
    await redeliverEvent(db, owner, text(form, "event_id"), text(form, "endpoint_id") || undefined);
    revalidatePath(`/dashboard/developers/webhooks/${text(form, "endpoint_id")}`);
    return { ok: true, message: "Sent again." };
  });
}

export async function disconnectSiteAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  form = formDataOf(form);
  return runAction(async () => {
    const { db, merchant } = await authorize("sites:connect", form);
    const site = await disconnectSite(db, merchant.id, text(form, "site_id"));
    revalidatePath("/dashboard/developers/sites");
    return { ok: true, message: `${site.siteName} is disconnected: its key is revoked and its webhook endpoint deleted.` };
  });
}
