import { sql } from "drizzle-orm";
import { index, integer, pgEnum, pgTable, text, uuid, varchar } from "drizzle-orm/pg-core";
import { merchants } from "./accounts";
import { at, createdAt, mode } from "./columns";
import { events } from "./events";
import { paymentIntents } from "./payments";
import { refunds } from "./refunds";

/**
 * pending: queued with the payment's event. sending: claimed by a worker under a lease. sent: the
 * SMTP server took it. stored: no SMTP server is configured, so it waits in the dashboard's mailbox.
 * failed: the SMTP server refused it every time.
 */
export const emailStatus = pgEnum("email_status", ["pending", "sending", "sent", "stored", "failed"]);

/**
 * The buyer's receipts: an outbox, written in the transaction of the payment or refund they are
 * about and sent by the worker, so a receipt is never lost and never sent by two instances at once.
 * Subject and bodies are filled in when it is sent, in the buyer's language.
 */
export const emailMessages = pgTable(
  "email_messages",
  {
    id: varchar("id", { length: 64 }).primaryKey(),
    mode: mode(),
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id, { onDelete: "cascade" }),
    intentId: varchar("intent_id", { length: 64 })
      .notNull()
      .references(() => paymentIntents.id, { onDelete: "cascade" }),
    refundId: varchar("refund_id", { length: 64 }).references(() => refunds.id, { onDelete: "cascade" }),
    eventId: varchar("event_id", { length: 64 })
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    kind: varchar("kind", { length: 16 }).$type<"receipt" | "refund">().notNull(),
    recipient: varchar("recipient", { length: 254 }).notNull(),
    status: emailStatus("status").notNull().default("pending"),
    subject: text("subject"),
    textBody: text("text_body"),
    htmlBody: text("html_body"),
    attemptCount: integer("attempt_count").notNull().default(0),
    nextAttemptAt: at("next_attempt_at").notNull().defaultNow(),
    lockedUntil: at("locked_until"),
    /** The instance holding the lease (lib/worker/instance-id.ts): restarted, it takes its own leases back at once. */
    lockedBy: varchar("locked_by", { length: 200 }),
    lastError: text("last_error"),
    createdAt: createdAt(),
    completedAt: at("completed_at"),
  },
  (t) => [
    index("email_messages_merchant_newest_idx").on(t.merchantId, t.createdAt.desc().nullsFirst()),
    // The worker's sweep: what is due, or was left mid-send by a worker that died.
    index("email_messages_due_idx").on(t.nextAttemptAt).where(sql`${t.status} in ('pending', 'sending')`),
  ],
);

export type EmailMessage = typeof emailMessages.$inferSelect;
