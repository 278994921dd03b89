import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgTable, uniqueIndex, uuid, varchar } from "drizzle-orm/pg-core";
import { merchants } from "./accounts";
import { dialect } from "./payments";
import { createdAt, mode } from "./columns";

/**
 * The audit trail: one row per state change, written in the same transaction as the change.
 * Webhook deliveries hang off these rows.
 */
export const events = pgTable(
  "events",
  {
    id: varchar("id", { length: 64 }).primaryKey(),
    /** The order events happened in, even within one transaction and one millisecond. */
    sequence: bigint("sequence", { mode: "number" }).generatedAlwaysAsIdentity(),
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id, { onDelete: "cascade" }),
    type: varchar("type", { length: 64 }).notNull(),
    mode: mode(),
    intentId: varchar("intent_id", { length: 64 }),
    subscriptionId: varchar("subscription_id", { length: 64 }),
    /** The object whose change this is: the subscription for subscription events, the intent for the rest. */
    objectId: varchar("object_id", { length: 64 }),
    /**
     * The object's own event number (1, 2, 3 …, gapless), for events sent by webhook: a receiver keeps
     * the highest it has seen and drops anything older. Sent as `webhook-sequence` and in the body.
     */
    objectSequence: integer("object_sequence"),
    /** Who caused it: "api_key:<id>", "user:<id>", "buyer" or "system". */
    actor: varchar("actor", { length: 100 }).notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    /** The webhook body, rendered once in the dialect of the intent, so every retry sends the same bytes. */
    payload: jsonb("payload").$type<Record<string, unknown>>(),
    /**
     * Instead of `payload`, for a dialect that tells of one change in several webhooks (Stripe sends
     * checkout.session.completed and payment_intent.succeeded for one payment): each with its own
     * type, which endpoints subscribe to, and body. Deliveries name the one they send.
     */
    messages: jsonb("messages").$type<WebhookMessage[]>(),
    /** The dialect the payload speaks, which also decides the signature headers it is sent with. */
    dialect: dialect("dialect"),
    createdAt: createdAt(),
  },
  (t) => [
    index("events_merchant_created_idx").on(t.merchantId, t.createdAt),
    index("events_intent_idx").on(t.intentId, t.createdAt),
    uniqueIndex("events_object_sequence_key").on(t.objectId, t.objectSequence).where(sql`${t.objectSequence} is not null`),
  ],
);

export type Event = typeof events.$inferSelect;
/** One webhook of an event, as its dialect wrote it. */
export type WebhookMessage = { type: string; body: Record<string, unknown> };
