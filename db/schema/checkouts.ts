import { sql } from "drizzle-orm";
import { boolean, index, pgTable, text, uniqueIndex, uuid, varchar } from "drizzle-orm/pg-core";
import { merchants } from "./accounts";
import { createdAt, updatedAt } from "./columns";

/**
 * A merchant's named checkout (mint's `checkout_id`): its own display name and branding on the
 * hosted page. Every merchant has exactly one default.
 */
export const checkouts = pgTable(
  "checkouts",
  {
    id: varchar("id", { length: 64 }).primaryKey(),
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id, { onDelete: "cascade" }),
    name: varchar("name", { length: 200 }).notNull(),
    displayName: varchar("display_name", { length: 200 }),
    brandColor: varchar("brand_color", { length: 7 }),
    logoUrl: text("logo_url"),
    isDefault: boolean("is_default").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("checkouts_merchant_idx").on(t.merchantId, t.createdAt),
    uniqueIndex("checkouts_one_default_per_merchant").on(t.merchantId).where(sql`${t.isDefault}`),
  ],
);

export type Checkout = typeof checkouts.$inferSelect;
