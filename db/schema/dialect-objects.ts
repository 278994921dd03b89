import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, primaryKey, uuid, varchar } from "drizzle-orm/pg-core";
import { merchants } from "./accounts";
import { createdAt, updatedAt, mode } from "./columns";
import { dialect } from "./payments";

/**
 * Objects a dialect's API has that Kassa's core has no part in (Stripe's products, prices and
 * customers): kept as the dialect wrote them, per merchant, with no state machine of their own. Money
 * never moves through them; it moves through intents.
 */
export const dialectObjects = pgTable(
  "dialect_objects",
  {
    /** Chosen by the merchant for some types (a product's id), so unique per merchant only. */
    id: varchar("id", { length: 64 }).notNull(),
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id, { onDelete: "cascade" }),
    dialect: dialect("dialect").notNull(),
    mode: mode(),
    /** What kind of object, in the dialect's own word ("product", "price"). */
    type: varchar("type", { length: 32 }).notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.merchantId, t.id] }), index("dialect_objects_merchant_type_newest_idx").on(t.merchantId, t.dialect, t.type, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst())],
);

export type DialectObject = typeof dialectObjects.$inferSelect;
