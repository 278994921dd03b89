import type { TestClock } from "@/db/schema";
import { unix } from "./common";

/** How long Stripe keeps a test clock; Kassa keeps it until deleted, and says Stripe's figure. */
const DELETES_AFTER_SECONDS = 30 * 24 * 3600;

export function renderTestClock(clock: TestClock) {
  const created = unix(clock.createdAt)!;
  return {
    id: clock.id,
    object: "test_helpers.test_clock",
    created,
    deletes_after: created + DELETES_AFTER_SECONDS,
    frozen_time: unix(clock.frozenTime),
    livemode: false,
    name: clock.name,
    // An advance runs to its end before answering, so a clock is always ready by the time anyone reads it.
    status: "ready",
    status_details: {},
  };
}
