import type { TestClock } from "@/db/schema";
import { unix } from "./common";

/** How long Stripe keeps a test clock; Kassa keeps it until deleted, and says Stripe's figure. */
const DELETES_AFTER_SECONDS = 30 * 24 * 3600;

export function renderTestClock(clock: TestClock) {
  const created = unix(clock.createdAt)!;
  const advancing = clock.advancingUntil !== null && clock.advancingUntil.getTime() > Date.now();
  return {
    id: clock.id,
    object: "test_helpers.test_clock",
    created,
    deletes_after: created + DELETES_AFTER_SECONDS,
    frozen_time: unix(clock.frozenTime),
    livemode: false,
    name: clock.name,
    // The request advancing it answers once it is done; anyone reading it meanwhile sees it advancing.
    status: advancing ? "advancing" : "ready",
    status_details: advancing ? { advancing: { target_frozen_time: null } } : {},
  };
}
