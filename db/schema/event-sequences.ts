import { integer, pgTable, varchar } from "drizzle-orm/pg-core";

/**
 * The last event number given to each object (intent, subscription, link). Taken with INSERT … ON
 * CONFLICT DO UPDATE in the statement that records the event, which locks the row until the change
 * commits: concurrent changes to one object get 1, 2, 3 … in commit order, and a rolled-back change
 * gives its number back, so there are no gaps.
 */
export const eventSequences = pgTable("event_sequences", {
  objectId: varchar("object_id", { length: 64 }).primaryKey(),
  lastSequence: integer("last_sequence").notNull(),
});
