import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgEnum, pgTable, uniqueIndex, uuid, varchar } from "drizzle-orm/pg-core";
import { merchants } from "./accounts";
import { at, createdAt, money, updatedAt, mode } from "./columns";
import { cardTokens, dialect, paymentIntents } from "./payments";
import { testClocks } from "./test-clocks";

export const subscriptionStatus = pgEnum("subscription_status", ["active", "past_due", "canceled"]);

/** A recurring intent, once paid: the saved card is charged every `interval_days`. */
export const subscriptions = pgTable(
  "subscriptions",
  {
    id: varchar("id", { length: 64 }).primaryKey(),
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id, { onDelete: "cascade" }),
    /** The intent whose first payment started it. */
    intentId: varchar("intent_id", { length: 64 })
      .notNull()
      .references(() => paymentIntents.id),
    cardTokenId: varchar("card_token_id", { length: 64 })
      .notNull()
      .references(() => cardTokens.id),
    dialect: dialect("dialect").notNull(),
    mode: mode(),
    status: subscriptionStatus("status").notNull().default("active"),
    amount: money("amount").notNull(),
    currency: varchar("currency", { length: 3 }).notNull(),
    intervalDays: integer("interval_days").notNull(),
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    currentPeriodStart: at("current_period_start").notNull(),
    currentPeriodEnd: at("current_period_end").notNull(),
    /** The period being billed next (2 is the first renewal). */
    nextPeriod: integer("next_period").notNull().default(2),
    /** When the next renewal charge is due: the period end, or sooner for a retry after a decline. */
    nextChargeAt: at("next_charge_at").notNull(),
    failedCharges: integer("failed_charges").notNull().default(0),
    /** A worker renewing it holds this lease, so two instances never charge the same period together. */
    renewalLockedUntil: at("renewal_locked_until"),
    canceledAt: at("canceled_at"),
    /** The test clock it lives on (from its first intent); the worker leaves it to the clock. */
    testClockId: varchar("test_clock_id", { length: 64 }).references(() => testClocks.id),
    /** A test helper asked for its next renewal to be declined, with this decline code. */
    failNextRenewal: varchar("fail_next_renewal", { length: 64 }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("subscriptions_intent_key").on(t.intentId),
    index("subscriptions_merchant_created_idx").on(t.merchantId, t.createdAt),
    index("subscriptions_test_clock_idx").on(t.testClockId).where(sql`${t.testClockId} is not null`),
    index("subscriptions_due_idx").on(t.nextChargeAt).where(sql`${t.status} in ('active', 'past_due')`),
  ],
);

export type Subscription = typeof subscriptions.$inferSelect;
export type SubscriptionStatus = (typeof subscriptionStatus.enumValues)[number];
