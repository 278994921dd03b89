import { sql } from "drizzle-orm";
import { index, pgTable, uuid, varchar } from "drizzle-orm/pg-core";
import { merchants } from "./accounts";
import { at, createdAt, updatedAt } from "./columns";

/**
 * A merchant's own simulated time, in test mode only. Intents and subscriptions made on a clock live
 * on its `frozen_time`: the worker leaves them alone, and advancing the clock runs, in order, all that
 * would have happened to them in between.
 */
export const testClocks = pgTable(
  "test_clocks",
  {
    id: varchar("id", { length: 64 }).primaryKey(),
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id, { onDelete: "cascade" }),
    name: varchar("name", { length: 200 }),
    frozenTime: at("frozen_time").notNull(),
    /** Held by the request advancing it, so two advances never run at once; a holder that died lets go when it runs out. */
    advancingUntil: at("advancing_until"),
    deletedAt: at("deleted_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("test_clocks_merchant_idx").on(t.merchantId, t.createdAt).where(sql`${t.deletedAt} is null`)],
);

export type TestClock = typeof testClocks.$inferSelect;
