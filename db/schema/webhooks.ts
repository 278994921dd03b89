import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgEnum, pgTable, smallint, text, uuid, varchar } from "drizzle-orm/pg-core";
import { apiKeys, merchants } from "./accounts";
import { at, createdAt, updatedAt, mode } from "./columns";
import { events } from "./events";

/** A merchant's URL that receives signed events; its secret is kept encrypted with a key from AUTH_SECRET. */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: varchar("id", { length: 64 }).primaryKey(),
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    mode: mode(),
    description: varchar("description", { length: 200 }),
    /** Event types to send, Kassa's or a dialect's own webhook names; empty means every type. */
    events: jsonb("events").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    /** The merchant's own notes on it, for dialects whose endpoints carry metadata. */
    metadata: jsonb("metadata").$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
    /**
     * Made through one dialect's API: only events told in that dialect are sent to it, so a Stripe
     * receiver never gets a body its SDK cannot verify. Null: every event, each in its own dialect.
     */
    dialect: varchar("dialect", { length: 32 }),
    /** What that dialect keeps about it (Stripe's api_version). */
    dialectData: jsonb("dialect_data").$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    enabled: boolean("enabled").notNull().default(true),
    /** When set, only events of payments that this key created: a connected shop hears only of its own orders. */
    apiKeyId: uuid("api_key_id").references(() => apiKeys.id),
    /** Why Kassa turned it off (the receiver answered 410 Gone), so the merchant can see. */
    disabledReason: text("disabled_reason"),
    /** Faults to inject into its deliveries, so a receiver can be tested against them (test mode only). */
    testFaults: jsonb("test_faults").$type<TestFaults>().notNull().default(sql`'{}'::jsonb`),
    secretCiphertext: text("secret_ciphertext").notNull(),
    /** The secret before the last rotation, which keeps signing until `previous_secret_expires_at`. */
    previousSecretCiphertext: text("previous_secret_ciphertext"),
    previousSecretExpiresAt: at("previous_secret_expires_at"),
    deletedAt: at("deleted_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("webhook_endpoints_merchant_idx").on(t.merchantId)],
);

export const deliveryStatus = pgEnum("delivery_status", ["pending", "delivering", "succeeded", "failed", "canceled"]);

/**
 * The outbox: one row per event and endpoint, written in the same transaction as the event. Workers
 * claim due rows with FOR UPDATE SKIP LOCKED and hold them under a lease while they send.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: varchar("id", { length: 64 }).primaryKey(),
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id, { onDelete: "cascade" }),
    eventId: varchar("event_id", { length: 64 })
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    endpointId: varchar("endpoint_id", { length: 64 })
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    /** Which of the event's webhooks this sends: 0 for the only one, or an index into `events.messages`. */
    message: smallint("message").notNull().default(0),
    /** The test faults this delivery carries (duplicate, delayed, out_of_order, failing, stale_timestamp, wrong_signature), for the log. */
    faults: jsonb("faults").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    status: deliveryStatus("status").notNull().default("pending"),
    attemptCount: integer("attempt_count").notNull().default(0),
    nextAttemptAt: at("next_attempt_at").notNull().defaultNow(),
    /** While a worker sends, nobody else may; a lease left by a dead worker simply runs out. */
    lockedUntil: at("locked_until"),
    /** The instance holding the lease (lib/worker/instance-id.ts): restarted, it takes its own leases back at once. */
    lockedBy: varchar("locked_by", { length: 200 }),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    completedAt: at("completed_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("webhook_deliveries_due_idx").on(t.nextAttemptAt).where(sql`${t.status} in ('pending', 'delivering')`),
    index("webhook_deliveries_event_idx").on(t.eventId),
    index("webhook_deliveries_endpoint_idx").on(t.endpointId, t.createdAt),
  ],
);

/** Every HTTP attempt, with what the receiver said, for the delivery log. */
export const webhookAttempts = pgTable(
  "webhook_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    deliveryId: varchar("delivery_id", { length: 64 })
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    statusCode: integer("status_code"),
    durationMs: integer("duration_ms").notNull(),
    /** The first kilobyte of the response body, or why there was none (timeout, refused). */
    responseExcerpt: text("response_excerpt"),
    error: text("error"),
    /** Set when Kassa failed this attempt on purpose (the endpoint's `fail_first` test fault): nothing was sent. */
    fault: varchar("fault", { length: 40 }),
    requestBody: text("request_body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("webhook_attempts_delivery_idx").on(t.deliveryId, t.number)],
);

/**
 * What a test-mode endpoint's deliveries suffer on purpose. Each is off when absent: `duplicate`
 * sends every delivery twice, `delay_seconds` holds each back, `out_of_order` holds the first of a
 * burst back until those after it are sent, `fail_first` fails that many attempts of each delivery
 * before sending, `stale_timestamp` signs as if sent ten minutes ago, `wrong_signature` signs with a
 * secret the receiver does not have.
 */
export type TestFaults = {
  duplicate?: boolean;
  delay_seconds?: number;
  out_of_order?: boolean;
  fail_first?: number;
  stale_timestamp?: boolean;
  wrong_signature?: boolean;
};

export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
export type WebhookAttempt = typeof webhookAttempts.$inferSelect;
