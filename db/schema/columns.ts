import { bigint, timestamp } from "drizzle-orm/pg-core";

/** Money is always an integer count of the currency's minor unit. */
export const money = (name: string) => bigint(name, { mode: "number" });

export const createdAt = () =>
  timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();

export const updatedAt = () =>
  timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();

export const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
