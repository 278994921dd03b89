import { index, integer, pgTable, primaryKey, timestamp, varchar } from "drizzle-orm/pg-core";

/**
 * Requests per key per fixed window, counted in the database so the limit holds across every app
 * instance. Old windows are deleted as new ones open.
 */
export const rateLimitWindows = pgTable(
  "rate_limit_windows",
  {
    key: varchar("key", { length: 100 }).notNull(),
    windowStart: timestamp("window_start", { withTimezone: true, mode: "date" }).notNull(),
    hits: integer("hits").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index("rate_limit_windows_start_idx").on(t.windowStart)],
);
