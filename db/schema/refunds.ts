import { sql } from "drizzle-orm";
import { index, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid, varchar } from "drizzle-orm/pg-core";
import { merchants } from "./accounts";
import { at, createdAt, money, mode } from "./columns";
import { paymentIntents } from "./payments";

export const refundStatus = pgEnum("refund_status", ["pending", "succeeded", "failed"]);

/** Money sent back after capture; the intent's amount_refunded is the sum of those that succeeded or are pending. */
export const refunds = pgTable(
  "refunds",
  {
    id: varchar("id", { length: 64 }).primaryKey(),
    intentId: varchar("intent_id", { length: 64 })
      .notNull()
      .references(() => paymentIntents.id, { onDelete: "cascade" }),
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id, { onDelete: "cascade" }),
    mode: mode(),
    amount: money("amount").notNull(),
    currency: varchar("currency", { length: 3 }).notNull(),
    reason: varchar("reason", { length: 40 }),
    /** The merchant's own notes on it, for dialects whose refunds carry metadata. */
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    status: refundStatus("status").notNull().default("pending"),
    processorReference: varchar("processor_reference", { length: 128 }),
    failureMessage: text("failure_message"),
    createdAt: createdAt(),
    completedAt: at("completed_at"),
  },
  (t) => [
    index("refunds_intent_idx").on(t.intentId, t.createdAt),
    // A merchant's refunds, newest first, across its payments.
    index("refunds_merchant_newest_idx").on(t.merchantId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    // The reconciler's sweep of refunds the acquirer never answered.
    index("refunds_pending_idx").on(t.createdAt).where(sql`${t.status} = 'pending'`),
    // A refund the merchant sent on chain is recorded once, on one payment, however the hash is spelled.
    uniqueIndex("refunds_sent_transaction_key").on(t.merchantId, sql`lower(${t.processorReference})`).where(sql`${t.processorReference} like '0x%'`),
  ],
);

export type Refund = typeof refunds.$inferSelect;
