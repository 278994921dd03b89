import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { webhookDeliveries, webhookEndpoints, type TestFaults, type WebhookEndpoint } from "@/db/schema";
import { testModeOnly } from "@/lib/errors/app-error";
import type { Db } from "@/db/client";
import { patchedJson, type JsonPatch } from "@/db/json-patch";
import { randomBase62 } from "@/lib/crypto/tokens";
import { decryptSecret, encryptSecret, generateWebhookSecret } from "./secrets";
import { assertDeliverableUrl } from "./url-safety";
import { getOwned } from "@/db/get-owned";
import { merchantOf, modeOf, ownedBy, type Owner } from "@/db/owner";

export type EndpointSettings = {
  url: string;
  events?: string[];
  enabled?: boolean;
  description?: string | null;
  metadata?: Record<string, string>;
  /** Only events told in this dialect are sent to it (an endpoint made through that dialect's API); null for every event. */
  dialect?: string | null;
  dialectData?: Record<string, unknown>;
};
export type EndpointChanges = Partial<Omit<EndpointSettings, "metadata" | "dialect">> & { metadata?: JsonPatch; testFaults?: TestFaults };

/** A new endpoint and its signing secret, which is returned this once in plain text. */
export async function createWebhookEndpoint(
  db: Db,
  owner: Owner,
  settings: EndpointSettings,
): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  await assertDeliverableUrl(settings.url);
  return insertWebhookEndpoint(db, owner, settings);
}

/**
 * The insert alone, for a caller that has checked the URL with assertDeliverableUrl before opening
 * its transaction (the check resolves DNS, which no transaction should wait on). `apiKeyId` scopes
 * the endpoint to the payments that key creates.
 */
export async function insertWebhookEndpoint(
  db: Db,
  owner: Owner,
  settings: EndpointSettings & { apiKeyId?: string },
): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  const secret = generateWebhookSecret();
  const [endpoint] = await db
    .insert(webhookEndpoints)
    .values({
      id: `we_${randomBase62(24)}`,
      merchantId: merchantOf(owner),
      mode: modeOf(owner) ?? "test",
      url: settings.url,
      events: settings.events ?? [],
      enabled: settings.enabled ?? true,
      description: settings.description ?? null,
      metadata: settings.metadata ?? {},
      dialect: settings.dialect ?? null,
      dialectData: settings.dialectData ?? {},
      apiKeyId: settings.apiKeyId ?? null,
      secretCiphertext: encryptSecret(secret),
    })
    .returning();
  return { endpoint: endpoint!, secret };
}

export async function listWebhookEndpoints(db: Db, owner: Owner): Promise<WebhookEndpoint[]> {
  return db
    .select()
    .from(webhookEndpoints)
    .where(and(ownedBy(webhookEndpoints, owner), isNull(webhookEndpoints.deletedAt)))
    .orderBy(desc(webhookEndpoints.createdAt));
}

export async function getWebhookEndpoint(db: Db, owner: Owner, endpointId: string): Promise<WebhookEndpoint> {
  return getOwned(db, webhookEndpoints, owner, endpointId, "webhook endpoint", { where: isNull(webhookEndpoints.deletedAt) });
}

/** Changes what was given; turning an endpoint back on forgets why Kassa turned it off. */
export async function updateWebhookEndpoint(
  db: Db,
  owner: Owner,
  endpointId: string,
  changes: EndpointChanges,
): Promise<WebhookEndpoint> {
  const current = await getWebhookEndpoint(db, owner, endpointId);
  if (changes.url) await assertDeliverableUrl(changes.url);
  const faults = changes.testFaults ? activeFaults(changes.testFaults) : undefined;
  if (faults && Object.keys(faults).length > 0 && current.mode === "live") throw testModeOnly("Webhook test faults");
  const [endpoint] = await db
    .update(webhookEndpoints)
    .set({
      ...(changes.url !== undefined ? { url: changes.url } : {}),
      ...(changes.events !== undefined ? { events: changes.events } : {}),
      ...(changes.description !== undefined ? { description: changes.description } : {}),
      ...(changes.metadata !== undefined ? { metadata: patchedJson(sql`${webhookEndpoints.metadata}`, changes.metadata) } : {}),
      ...(changes.dialectData !== undefined ? { dialectData: sql`${webhookEndpoints.dialectData} || ${JSON.stringify(changes.dialectData)}::jsonb` } : {}),
      ...(changes.enabled !== undefined ? { enabled: changes.enabled, ...(changes.enabled ? { disabledReason: null } : {}) } : {}),
      ...(faults !== undefined ? { testFaults: faults } : {}),
      updatedAt: sql`now()`,
    })
    .where(and(eq(webhookEndpoints.id, endpointId), ownedBy(webhookEndpoints, owner)))
    .returning();
  return endpoint!;
}

/** The faults that do something: false, zero and absent are all "off", and are not kept. */
function activeFaults(faults: TestFaults): TestFaults {
  return Object.fromEntries(Object.entries(faults).filter(([, value]) => value !== undefined && value !== false && value !== 0)) as TestFaults;
}

/** Deleted endpoints stay for the delivery log, but receive nothing more. */
export async function deleteWebhookEndpoint(db: Db, owner: Owner, endpointId: string): Promise<WebhookEndpoint> {
  await getWebhookEndpoint(db, owner, endpointId);
  return db.transaction(async (tx) => {
    const [endpoint] = await tx
      .update(webhookEndpoints)
      .set({ deletedAt: sql`now()`, enabled: false, updatedAt: sql`now()` })
      .where(and(eq(webhookEndpoints.id, endpointId), ownedBy(webhookEndpoints, owner)))
      .returning();
    await tx
      .update(webhookDeliveries)
      .set({ status: "canceled", lastError: "The endpoint was deleted.", completedAt: sql`now()` })
      .where(and(eq(webhookDeliveries.endpointId, endpointId), inArray(webhookDeliveries.status, ["pending", "delivering"])));
    return endpoint!;
  });
}

export const DEFAULT_ROTATION_GRACE_SECONDS = 24 * 3600;

/**
 * A new secret for the endpoint. The old one keeps signing alongside it (Standard Webhooks allows
 * several signatures) for the grace period, so the receiver can switch over without losing events.
 */
export async function rotateWebhookSecret(
  db: Db,
  owner: Owner,
  endpointId: string,
  graceSeconds = DEFAULT_ROTATION_GRACE_SECONDS,
): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  const current = await getWebhookEndpoint(db, owner, endpointId);
  const secret = generateWebhookSecret();
  const [endpoint] = await db
    .update(webhookEndpoints)
    .set({
      secretCiphertext: encryptSecret(secret),
      previousSecretCiphertext: graceSeconds > 0 ? current.secretCiphertext : null,
      previousSecretExpiresAt: graceSeconds > 0 ? sql`now() + make_interval(secs => ${graceSeconds})` : null,
      updatedAt: sql`now()`,
    })
    .where(and(eq(webhookEndpoints.id, endpointId), ownedBy(webhookEndpoints, owner)))
    .returning();
  return { endpoint: endpoint!, secret };
}

/** The secret in plain text, for the merchant who owns it to copy. */
export function revealSecret(endpoint: WebhookEndpoint): string {
  return decryptSecret(endpoint.secretCiphertext);
}

/** Secrets that sign right now: the current one, and the previous one during its grace period. */
export function signingSecrets(endpoint: WebhookEndpoint, now = new Date()): string[] {
  const secrets = [decryptSecret(endpoint.secretCiphertext)];
  if (endpoint.previousSecretCiphertext && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now) {
    secrets.push(decryptSecret(endpoint.previousSecretCiphertext));
  }
  return secrets;
}
