import { and, eq, gte, inArray, lt, sql } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { events, webhookAttempts, webhookDeliveries, webhookEndpoints, type Event, type WebhookDelivery } from "@/db/schema";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/rows";
import { dialectDefinition } from "@/lib/dialects/registry";
import { describeError } from "@/lib/errors/log-error";
import { signingSecrets } from "./endpoints";
import { postWebhook, type PostOutcome } from "./post-webhook";
import { retryDelayMs, webhookRetryPolicy } from "./retry-policy";

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

/**
 * Claims up to `limit` due deliveries with FOR UPDATE SKIP LOCKED, under a lease, so any number of
 * instances can run this at once without two of them sending the same delivery. Deliveries to an
 * endpoint that is turned off wait for it to come back; ones that a crashing worker left at their
 * last attempt are given up.
 */
export async function claimDueDeliveries(db: Db, limit: number): Promise<WebhookDelivery[]> {
  const { leaseSeconds, maxAttempts } = webhookRetryPolicy();
  await db
    .update(webhookDeliveries)
    .set({ status: "failed", lockedUntil: null, completedAt: sql`now()`, lastError: sql`coalesce(${webhookDeliveries.lastError}, 'The worker sending it stopped.')` })
    .where(and(eq(webhookDeliveries.status, "delivering"), lt(webhookDeliveries.lockedUntil, sql`now()`), gte(webhookDeliveries.attemptCount, maxAttempts)));
  const rows = await queryRows<{ id: string }>(
    db,
    sql`
      update ${webhookDeliveries}
      set status = 'delivering', locked_until = now() + make_interval(secs => ${leaseSeconds}), attempt_count = attempt_count + 1
      where id in (
        select d.id from ${webhookDeliveries} d
        join ${webhookEndpoints} e on e.id = d.endpoint_id and e.enabled and e.deleted_at is null
        where (d.status = 'pending' and d.next_attempt_at <= now())
           or (d.status = 'delivering' and d.locked_until < now())
        order by d.next_attempt_at
        limit ${limit}
        for update of d skip locked
      )
      returning id`,
  );
  if (rows.length === 0) return [];
  return db.select().from(webhookDeliveries).where(inArray(webhookDeliveries.id, rows.map((row) => row.id)));
}

/** Sends one claimed delivery and records the outcome; a failure of Kassa's own counts as an attempt. */
export async function deliverOne(db: Db, delivery: WebhookDelivery): Promise<void> {
  let body = "";
  let endpointId = delivery.endpointId;
  let outcome: PostOutcome;
  try {
    const [row] = await db
      .select({ event: events, endpoint: webhookEndpoints })
      .from(webhookDeliveries)
      .innerJoin(events, eq(events.id, webhookDeliveries.eventId))
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .where(eq(webhookDeliveries.id, delivery.id));
    if (!row) return;
    endpointId = row.endpoint.id;
    body = JSON.stringify(row.event.payload);
    const headers = signedHeaders(row.event, body, signingSecrets(row.endpoint));
    outcome = await postWebhook(row.endpoint.url, headers, body, webhookRetryPolicy().timeoutMs);
  } catch (error) {
    console.error(`[kassa] could not send delivery ${delivery.id}: ${describeError(error)}`);
    outcome = { statusCode: null, durationMs: 0, excerpt: null, error: "Kassa could not send this delivery; see the server log." };
  }
  await record(db, delivery, endpointId, body, outcome);
}

/**
 * Standard Webhooks headers, with one signature per live secret during a rotation, and beside them
 * whatever headers the event's dialect signs for its own integrations (with the current secret).
 */
function signedHeaders(event: Event, body: string, secrets: string[]): Record<string, string> {
  const sentAt = new Date();
  const signatures = secrets.map((secret) => new Webhook(secret).sign(event.id, sentAt, body));
  const dialectHeaders = event.dialect ? dialectDefinition(event.dialect).webhook.signatureHeaders?.(body, secrets[0]!, sentAt) : undefined;
  return {
    "content-type": "application/json",
    "user-agent": "Kassa-Webhooks/1.0",
    ...dialectHeaders,
    "webhook-id": event.id,
    "webhook-timestamp": String(Math.floor(sentAt.getTime() / 1000)),
    "webhook-signature": signatures.join(" "),
  };
}

/** Logs the attempt and decides: done (2xx), endpoint gone (410), or try again later. */
async function record(db: Db, delivery: WebhookDelivery, endpointId: string, body: string, outcome: PostOutcome): Promise<void> {
  const delivered = outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300;
  const gone = outcome.statusCode === 410;
  const exhausted = delivery.attemptCount >= webhookRetryPolicy().maxAttempts;
  await db.transaction(async (tx) => {
    await tx.insert(webhookAttempts).values({
      deliveryId: delivery.id,
      number: delivery.attemptCount,
      statusCode: outcome.statusCode,
      durationMs: outcome.durationMs,
      responseExcerpt: outcome.excerpt,
      error: outcome.error,
      requestBody: body,
    });
    const lastError = delivered ? null : (outcome.error ?? `The endpoint answered ${outcome.statusCode}.`);
    if (gone) {
      await tx
        .update(webhookEndpoints)
        .set({ enabled: false, disabledReason: "The endpoint answered 410 Gone, so Kassa stopped sending to it.", updatedAt: sql`now()` })
        .where(eq(webhookEndpoints.id, endpointId));
    }
    await finish(
      tx,
      delivery,
      delivered
        ? { status: "succeeded", lastStatusCode: outcome.statusCode }
        : gone || exhausted
          ? { status: "failed", lastStatusCode: outcome.statusCode, lastError }
          : { status: "pending", lastStatusCode: outcome.statusCode, lastError, retryInMs: retryDelayMs(delivery.attemptCount) },
    );
  });
}

type Finish = { status: "succeeded" | "failed" | "pending"; lastStatusCode?: number | null; lastError?: string | null; retryInMs?: number };

/** Settles the delivery if this worker still holds it (a lease that ran out belongs to someone else now). */
async function finish(db: Db, delivery: WebhookDelivery, result: Finish): Promise<void> {
  await db
    .update(webhookDeliveries)
    .set({
      status: result.status,
      lastStatusCode: result.lastStatusCode ?? null,
      lastError: result.lastError ?? null,
      lockedUntil: null,
      ...(result.status === "pending"
        ? { nextAttemptAt: sql`now() + make_interval(secs => ${(result.retryInMs ?? 0) / 1000})` }
        : { completedAt: sql`now()` }),
    })
    .where(
      and(
        eq(webhookDeliveries.id, delivery.id),
        eq(webhookDeliveries.status, "delivering"),
        eq(webhookDeliveries.attemptCount, delivery.attemptCount),
      ),
    );
}

