import { nativeDialect } from "@/lib/dialects/native/dialect";
import { renderTestClock } from "@/lib/dialects/native/render";
import { createTestClockBody } from "@/lib/dialects/native/schemas";
import { created, ok } from "@/lib/http/api-result";
import { apiRoute } from "@/lib/http/api-route";
import { otherMethods } from "@/lib/http/route-methods";
import { createTestClock } from "@/lib/test-clocks/create-test-clock";
import { listTestClocks } from "@/lib/test-clocks/get-test-clock";

export const POST = apiRoute({
  dialect: nativeDialect,
  auth: "secret_key",
  body: createTestClockBody,
  handle: async ({ db, auth, body }) => created(renderTestClock(await createTestClock(db, auth.owner, { frozenTime: body.frozen_time, name: body.name }))),
});

/** A merchant's newest clocks; a test suite that needs more deletes the ones it is done with. */
const LIST_LIMIT = 100;

export const GET = apiRoute({
  dialect: nativeDialect,
  auth: "secret_key",
  handle: async ({ db, auth }) => {
    const clocks = await listTestClocks(db, auth.owner, { limit: LIST_LIMIT + 1 });
    return ok({ object: "list", url: "/api/v1/test-clocks", has_more: clocks.length > LIST_LIMIT, data: clocks.slice(0, LIST_LIMIT).map(renderTestClock) });
  },
});

export const { PUT, PATCH, DELETE } = otherMethods(nativeDialect, { GET, POST });
