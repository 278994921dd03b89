import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";

/**
 * A stored response per (scope, key). The row is inserted in the same transaction as the work it
 * guards, so a concurrent duplicate blocks on the unique index until the first commits, then replays.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    scope: varchar("scope", { length: 100 }).notNull(),
    key: varchar("key", { length: 255 }).notNull(),
    requestHash: varchar("request_hash", { length: 64 }).notNull(),
    responseStatus: integer("response_status").notNull(),
    responseBody: text("response_body").notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [uniqueIndex("idempotency_keys_scope_key").on(t.scope, t.key), index("idempotency_keys_expiry_idx").on(t.expiresAt)],
);

export type IdempotencyKey = typeof idempotencyKeys.$inferSelect;
