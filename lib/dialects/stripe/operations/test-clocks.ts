import { advanceTestClock } from "@/lib/test-clocks/advance-test-clock";
import { createTestClock } from "@/lib/test-clocks/create-test-clock";
import { deleteTestClock } from "@/lib/test-clocks/delete-test-clock";
import { getTestClock, listTestClocks } from "@/lib/test-clocks/get-test-clock";
import { expansions } from "../expand";
import { idParams, oneCursor } from "../params";
import { list } from "../render/common";
import { renderTestClock } from "../render/test-clock";
import * as schemas from "../schemas/test-clocks";
import { retrieveQuery } from "../schemas/catalog";
import { deleted, ok, stripeOperation } from "./route";

/*
 * Stripe's test clocks, on Kassa's own (lib/test-clocks): a customer made with `test_clock` puts its
 * Checkout Sessions and PaymentIntents, and the subscriptions they start, on the clock's time.
 */

const noExpansions = (expand: string[] | undefined, isList = false) => expansions(expand, [], { list: isList });
const at = (seconds: number) => new Date(seconds * 1000);

export const createStripeTestClock = stripeOperation({
  body: schemas.createTestClockBody,
  handle: async ({ db, auth, body }) => {
    noExpansions(body.expand);
    return ok(renderTestClock(await createTestClock(db, auth.owner, { frozenTime: at(body.frozen_time), name: body.name ?? null })));
  },
});

export const listStripeTestClocks = stripeOperation({
  query: schemas.listTestClocksQuery,
  handle: async ({ db, auth, query }) => {
    noExpansions(query.expand, true);
    oneCursor(query);
    const limit = query.limit ?? 10;
    const clocks = await listTestClocks(db, auth.owner, { limit: limit + 1, after: query.starting_after, before: query.ending_before });
    // Going back (ending_before), the extra row is the oldest one; going forward, the newest past the page.
    const page = query.ending_before ? clocks.slice(-limit) : clocks.slice(0, limit);
    return ok(list("/v1/test_helpers/test_clocks", page.map(renderTestClock), clocks.length > limit));
  },
});

export const retrieveStripeTestClock = stripeOperation({
  params: idParams,
  query: retrieveQuery,
  handle: async ({ db, auth, params, query }) => {
    noExpansions(query.expand);
    return ok(renderTestClock(await getTestClock(db, auth.owner, params.id)));
  },
});

export const deleteStripeTestClock = stripeOperation({
  params: idParams,
  handle: async ({ db, auth, params }) => {
    const clock = await deleteTestClock(db, auth.owner, params.id);
    return deleted(clock.id, "test_helpers.test_clock");
  },
});

export const advanceStripeTestClock = stripeOperation({
  params: idParams,
  body: schemas.advanceTestClockBody,
  // Each thing due runs in its own transaction, so the key is kept beside them rather than around them.
  idempotency: "external",
  handle: async ({ db, auth, params, body }) => {
    noExpansions(body.expand);
    return ok(renderTestClock(await advanceTestClock(db, auth.owner, params.id, at(body.frozen_time))));
  },
});
