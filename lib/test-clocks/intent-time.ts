import { sql, type SQL } from "drizzle-orm";
import { paymentIntents } from "@/db/schema";
import { onAClock } from "./clock-context";

/**
 * SQL for "now" as an intent row sees it: its test clock's time for an intent on a clock (so a
 * buyer paying between two advances is checked against the clock's expiry, not the wall clock's),
 * kassa_now() for every other intent and whenever a clock is running the change itself.
 */
export function intentTime(): SQL {
  if (onAClock()) return sql`kassa_now()`;
  return sql`(case when ${paymentIntents.testClockId} is null then kassa_now()
    else coalesce((select clock.frozen_time from test_clocks clock where clock.id = ${paymentIntents.testClockId}), kassa_now()) end)`;
}
