import { and, eq, sql } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { events, webhookAttempts, webhookDeliveries, webhookEndpoints, type Event, type WebhookDelivery, type WebhookEndpoint } from "@/db/schema";
import type { Db } from "@/db/client";
import { fromRow } from "@/db/from-row";
import { jsonValue, queryRows } from "@/db/rows";
import { dialectDefinition } from "@/lib/dialects/registry";
import { logError } from "@/lib/errors/log-error";
import { signingSecrets } from "./endpoints";
import { generateWebhookSecret } from "./secrets";
import { postWebhook, type PostOutcome } from "./post-webhook";
import { eventMessages, webhookMessageId } from "./webhook-format";
import { webhookDeliveriesTotal, webhookLagSeconds } from "@/lib/observability/metrics";
import { retryDelayMs, webhookRetryPolicy } from "./retry-policy";
import { instanceId } from "@/lib/worker/instance-id";

/**
 * Claims due deliveries (and ones whose worker died mid-send) and sends them all; returns how many.
 * The background worker uses claimDueDeliveries and deliverOne directly, so one slow receiver does
 * not hold up the rest.
 */
export async function deliverDueWebhooks(db: Db, limit = 20): Promise<number> {
  const claimed = await claimDueDeliveries(db, limit);
  await Promise.all(claimed.map((delivery) => deliverOne(db, delivery)));
  return claimed.length;
}

/** A claimed delivery with what sending it needs: its event and its endpoint, read by the claim itself. */
export type ClaimedDelivery = { delivery: WebhookDelivery; event: Event; endpoint: WebhookEndpoint };

/**
 * Claims up to `limit` due deliveries with FOR UPDATE SKIP LOCKED, under a lease, so any number of
 * instances can run this at once without two of them sending the same delivery. Deliveries to an
 * endpoint that is turned off wait for it to come back; ones that a crashing worker left at their
 * last attempt are given up. One statement, which also reads each delivery's event and endpoint.
 */
export async function claimDueDeliveries(db: Db, limit: number): Promise<ClaimedDelivery[]> {
  const { leaseSeconds, maxAttempts } = webhookRetryPolicy();
  const rows = await queryRows<Record<string, unknown> & { event: unknown; endpoint: unknown }>(
    db,
    sql`
      with given_up as (
        update ${webhookDeliveries}
        set status = 'failed', locked_until = null, completed_at = now(), last_error = coalesce(last_error, 'The worker sending it stopped.')
        where status = 'delivering' and locked_until < now() and attempt_count >= ${maxAttempts}
      ),
      due as (
        select d.id from ${webhookDeliveries} d
        join ${webhookEndpoints} e on e.id = d.endpoint_id and e.enabled and e.deleted_at is null
        where (d.status = 'pending' and d.next_attempt_at <= now())
           or (d.status = 'delivering' and d.locked_until < now() and d.attempt_count < ${maxAttempts})
        order by d.next_attempt_at
        limit ${limit}
        for update of d skip locked
      )
      update ${webhookDeliveries} delivery
      set status = 'delivering', locked_until = now() + make_interval(secs => ${leaseSeconds}), locked_by = ${instanceId()},
          attempt_count = delivery.attempt_count + 1
      from due, ${events} event, ${webhookEndpoints} endpoint
      where delivery.id = due.id and event.id = delivery.event_id and endpoint.id = delivery.endpoint_id
      returning delivery.*, to_json(event) as event, to_json(endpoint) as endpoint`,
  );
  return rows.map((row) => ({
    delivery: fromRow(webhookDeliveries, row),
    event: fromRow(events, jsonValue<Record<string, unknown>>(row.event)),
    endpoint: fromRow(webhookEndpoints, jsonValue<Record<string, unknown>>(row.endpoint)),
  }));
}

/** Sends one claimed delivery and records the outcome; a failure of Kassa's own counts as an attempt. */
export async function deliverOne(db: Db, { delivery, event, endpoint }: ClaimedDelivery): Promise<void> {
  let body = "";
  let outcome: PostOutcome;
  try {
    const message = eventMessages(event)[delivery.message];
    if (!message) throw new Error(`event ${event.id} has no webhook ${delivery.message}`);
    body = JSON.stringify(message.body);
    const failOnPurpose = failingOnPurpose(delivery, endpoint);
    if (failOnPurpose) {
      await record(db, delivery, body, failOnPurpose, "fail_first");
      return;
    }
    const signing = faultedSigning(delivery, signingSecrets(endpoint));
    const headers = signedHeaders(event, webhookMessageId(event.id, delivery.message), body, signing.secrets, signing.sentAt);
    outcome = await postWebhook(endpoint.url, headers, body, webhookRetryPolicy().timeoutMs);
  } catch (error) {
    logError(`could not send delivery ${delivery.id}`, error);
    outcome = { statusCode: null, durationMs: 0, excerpt: null, error: "Kassa could not send this delivery; see the server log." };
  }
  await record(db, delivery, body, outcome);
  if (outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300) webhookLagSeconds.observe((Date.now() - event.createdAt.getTime()) / 1000);
}

/**
 * Standard Webhooks headers, with one signature per live secret during a rotation, and beside them
 * whatever headers the event's dialect signs for its own integrations (with the current secret).
 */
function signedHeaders(event: Event, messageId: string, body: string, secrets: string[], sentAt = new Date()): Record<string, string> {
  const signatures = secrets.map((secret) => new Webhook(secret).sign(messageId, sentAt, body));
  const dialectHeaders = event.dialect ? dialectDefinition(event.dialect).webhook.signatureHeaders?.(body, secrets[0]!, sentAt) : undefined;
  return {
    "content-type": "application/json",
    "user-agent": "Kassa-Webhooks/1.0",
    ...dialectHeaders,
    "webhook-id": messageId,
    "webhook-timestamp": String(Math.floor(sentAt.getTime() / 1000)),
    "webhook-signature": signatures.join(" "),
    // The object's own event number: a receiver keeps the highest it has seen and drops older ones.
    ...(event.objectSequence !== null ? { "webhook-sequence": String(event.objectSequence) } : {}),
  };
}

/** How far back a stale_timestamp fault dates a delivery: twice the five minutes receivers usually allow. */
const STALE_BY_MS = 10 * 60_000;

/** The secrets and time a delivery is signed with: the endpoint's and now, unless a test fault says otherwise. */
function faultedSigning(delivery: WebhookDelivery, secrets: string[]): { secrets: string[]; sentAt: Date } {
  const wrong = delivery.faults.includes("wrong_signature") ? [generateWebhookSecret()] : secrets;
  const sentAt = delivery.faults.includes("stale_timestamp") ? new Date(Date.now() - STALE_BY_MS) : new Date();
  return { secrets: wrong, sentAt };
}

/** A fail_first fault's attempt: failed by Kassa itself, nothing sent, so the merchant sees the retries. */
function failingOnPurpose(delivery: WebhookDelivery, endpoint: WebhookEndpoint): PostOutcome | null {
  // Never every attempt a delivery has: the last one always goes out, so a fault cannot lose it.
  const failFirst = endpoint.mode === "test" ? Math.min(endpoint.testFaults.fail_first ?? 0, webhookRetryPolicy().maxAttempts - 1) : 0;
  if (!delivery.faults.includes("failing") || delivery.attemptCount > failFirst) return null;
  return { statusCode: null, durationMs: 0, excerpt: null, error: `Failed on purpose: test fault fail_first (attempt ${delivery.attemptCount} of ${failFirst}); nothing was sent.` };
}

/**
 * Logs the attempt and decides, in one statement: done (2xx), endpoint gone (410, which also turns
 * the endpoint off), or try again later. It settles the delivery only if this worker still holds it
 * (a lease that ran out belongs to someone else now).
 */
async function record(db: Db, delivery: WebhookDelivery, body: string, outcome: PostOutcome, fault?: string): Promise<void> {
  const delivered = outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300;
  const gone = outcome.statusCode === 410;
  const exhausted = delivery.attemptCount >= webhookRetryPolicy().maxAttempts;
  const lastError = delivered ? null : (outcome.error ?? `The endpoint answered ${outcome.statusCode}.`);
  const status = delivered ? "succeeded" : gone || exhausted ? "failed" : "pending";
  webhookDeliveriesTotal.inc({ outcome: status === "pending" ? "retrying" : status });
  const attempt = db.insert(webhookAttempts).values({
    deliveryId: delivery.id,
    number: delivery.attemptCount,
    statusCode: outcome.statusCode,
    durationMs: outcome.durationMs,
    responseExcerpt: outcome.excerpt,
    error: outcome.error,
    fault: fault ?? null,
    requestBody: body,
  });
  const settle = db
    .update(webhookDeliveries)
    .set({
      status,
      lastStatusCode: outcome.statusCode,
      lastError,
      lockedUntil: null,
      ...(status === "pending"
        ? { nextAttemptAt: sql`now() + make_interval(secs => ${retryDelayMs(delivery.attemptCount) / 1000})` }
        : { completedAt: sql`now()` }),
    })
    .where(and(eq(webhookDeliveries.id, delivery.id), eq(webhookDeliveries.status, "delivering"), eq(webhookDeliveries.attemptCount, delivery.attemptCount)));
  const turnOff = db
    .update(webhookEndpoints)
    .set({ enabled: false, disabledReason: "The endpoint answered 410 Gone, so Kassa stopped sending to it.", updatedAt: sql`now()` })
    .where(eq(webhookEndpoints.id, delivery.endpointId));
  await db.execute(sql`with attempt as (${attempt.getSQL()}), settled as (${settle.getSQL()}) ${gone ? turnOff.getSQL() : sql`select 1`}`);
}
