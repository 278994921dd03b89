import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";

/**
 * The response stored per (scope, key). `response_status` 0 means the first request is still running
 * (only for work that calls out to a card processor; other work inserts and completes the row in the
 * transaction that does the work).
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    scope: varchar("scope", { length: 255 }).notNull(),
    key: varchar("key", { length: 255 }).notNull(),
    /** Keyed HMAC of method, path and body, with card numbers replaced by fingerprints and no CVC. */
    requestHash: varchar("request_hash", { length: 64 }).notNull(),
    responseStatus: integer("response_status").notNull(),
    responseBody: text("response_body").notNull(),
    /** When the running request claimed the key; a claim older than a few minutes is abandoned. */
    lockedAt: timestamp("locked_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [uniqueIndex("idempotency_keys_scope_key").on(t.scope, t.key), index("idempotency_keys_expiry_idx").on(t.expiresAt)],
);

export type IdempotencyKey = typeof idempotencyKeys.$inferSelect;
