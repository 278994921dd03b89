import { nativeDialect } from "@/lib/dialects/native/dialect";
import { renderTestClock } from "@/lib/dialects/native/render";
import { advanceTestClockBody, objectParams } from "@/lib/dialects/native/schemas";
import { ok } from "@/lib/http/api-result";
import { apiRoute } from "@/lib/http/api-route";
import { otherMethods } from "@/lib/http/route-methods";
import { advanceTestClock } from "@/lib/test-clocks/advance-test-clock";

export const POST = apiRoute({
  dialect: nativeDialect,
  auth: "secret_key",
  params: objectParams,
  body: advanceTestClockBody,
  // Each thing due runs in its own transaction, so the key is kept beside them rather than around them.
  idempotency: "external",
  handle: async ({ db, auth, params, body }) => ok(renderTestClock(await advanceTestClock(db, auth.owner, params.id, body.frozen_time))),
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(nativeDialect, { POST });
