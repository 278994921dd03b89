import { boolean, index, integer, jsonb, pgTable, text, uuid, varchar } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { merchants } from "./accounts";
import { at, createdAt, money, updatedAt, mode } from "./columns";
import type { LineItem } from "./payments";

/**
 * A payment link: a merchant sells without code. Its public page, /l/{slug}, makes a fresh payment
 * intent for every buyer. The price is fixed (`amount`, per unit, optionally times a quantity the
 * buyer picks up to `maxQuantity`) or chosen by the buyer between `minAmount` and `maxAmount`.
 */
export const paymentLinks = pgTable(
  "payment_links",
  {
    id: varchar("id", { length: 64 }).primaryKey(),
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id, { onDelete: "cascade" }),
    /** The short public name in /l/{slug}: random, unique across all merchants. */
    slug: varchar("slug", { length: 32 }).notNull().unique(),
    mode: mode(),
    name: varchar("name", { length: 200 }).notNull(),
    currency: varchar("currency", { length: 3 }).notNull(),
    amount: money("amount"),
    minAmount: money("min_amount"),
    maxAmount: money("max_amount"),
    lineItems: jsonb("line_items").$type<LineItem[]>().notNull().default(sql`'[]'::jsonb`),
    maxQuantity: integer("max_quantity"),
    successUrl: text("success_url"),
    active: boolean("active").notNull().default(true),
    deactivatedAt: at("deactivated_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("payment_links_merchant_newest_idx").on(t.merchantId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst())],
);

export type PaymentLink = typeof paymentLinks.$inferSelect;
