import { z } from "zod";
import { text } from "@/lib/validation/common";

/* A test clock as the API and the dashboard both accept it. */

/** A moment: an ISO 8601 date-time with its offset, or Unix seconds as Stripe's test clocks take it. */
const moment = z.union(
  [
    z.iso.datetime({ offset: true, error: "must be an ISO 8601 date-time with a time zone, or Unix seconds" }).transform((value) => new Date(value)),
    z.number().int().min(0).max(32503680000).transform((seconds) => new Date(seconds * 1000)),
  ],
  { error: "must be an ISO 8601 date-time with a time zone, or Unix seconds" },
).refine((date) => date.getUTCFullYear() >= 1970 && date.getUTCFullYear() <= 9999, { error: "must be between 1970 and 9999" });

export const createTestClockBody = z.strictObject({ frozen_time: moment, name: text(200).nullable().optional() });
export const advanceTestClockBody = z.strictObject({ frozen_time: moment });
