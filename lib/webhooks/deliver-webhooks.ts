import { and, eq, inArray, sql } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { events, webhookAttempts, webhookDeliveries, webhookEndpoints, type WebhookDelivery } from "@/db/schema";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/rows";
import { signingSecrets } from "./endpoints";
import { postWebhook, type PostOutcome } from "./post-webhook";
import { retryDelayMs, webhookRetryPolicy } from "./retry-policy";

/**
 * Claims due deliveries (and ones whose worker died mid-send) with FOR UPDATE SKIP LOCKED, so any
 * number of instances can run this at once without two of them sending the same delivery, then
 * sends them. Returns how many it sent.
 */
export async function deliverDueWebhooks(db: Db, limit = 20): Promise<number> {
  const claimed = await claimDue(db, limit);
  await Promise.all(claimed.map((delivery) => deliverOne(db, delivery)));
  return claimed.length;
}

async function claimDue(db: Db, limit: number): Promise<WebhookDelivery[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`
      update ${webhookDeliveries}
      set status = 'delivering', locked_until = now() + make_interval(secs => ${webhookRetryPolicy().leaseSeconds}), attempt_count = attempt_count + 1
      where id in (
        select id from ${webhookDeliveries}
        where (status = 'pending' and next_attempt_at <= now())
           or (status = 'delivering' and locked_until < now())
        order by next_attempt_at
        limit ${limit}
        for update skip locked
      )
      returning id`,
  );
  if (rows.length === 0) return [];
  return db.select().from(webhookDeliveries).where(inArray(webhookDeliveries.id, rows.map((row) => row.id)));
}

async function deliverOne(db: Db, delivery: WebhookDelivery): Promise<void> {
  const [row] = await db
    .select({ event: events, endpoint: webhookEndpoints })
    .from(webhookDeliveries)
    .innerJoin(events, eq(events.id, webhookDeliveries.eventId))
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(eq(webhookDeliveries.id, delivery.id));
  if (!row || row.endpoint.deletedAt || !row.endpoint.enabled) {
    await finish(db, delivery, { status: "canceled", lastError: "The endpoint was deleted or disabled." });
    return;
  }
  const body = JSON.stringify(row.event.payload);
  const headers = signedHeaders(row.event.id, body, signingSecrets(row.endpoint));
  const outcome = await postWebhook(row.endpoint.url, headers, body, webhookRetryPolicy().timeoutMs);
  await record(db, delivery, row.endpoint.id, body, outcome);
}

/** Standard Webhooks headers; during a secret rotation, one signature per live secret. */
function signedHeaders(messageId: string, body: string, secrets: string[]): Record<string, string> {
  const timestamp = new Date();
  const signatures = secrets.map((secret) => new Webhook(secret).sign(messageId, timestamp, body));
  return {
    "content-type": "application/json",
    "user-agent": "Kassa-Webhooks/1.0",
    "webhook-id": messageId,
    "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
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

type Finish = { status: "succeeded" | "failed" | "canceled" | "pending"; lastStatusCode?: number | null; lastError?: string | null; retryInMs?: number };

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

