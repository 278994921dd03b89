import { bigint, pgEnum, timestamp } from "drizzle-orm/pg-core";

/** Money is always an integer count of the currency's minor unit. */
export const money = (name: string) => bigint(name, { mode: "number" });

export const createdAt = () =>
  timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();

export const updatedAt = () =>
  timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();

export const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * Test or live: every key, intent, link, endpoint, event, subscription, refund and email belongs to
 * one, and nothing of one mode is ever seen through the other. Test money is the simulation's; live
 * money moves through the merchant's acquirer.
 */
export const modeEnum = pgEnum("mode", ["test", "live"]);
export type Mode = (typeof modeEnum.enumValues)[number];
export const mode = () => modeEnum("mode").notNull().default("test");
