import { nativeDialect } from "@/lib/dialects/native/dialect";
import { renderTestClock } from "@/lib/dialects/native/render";
import { objectParams } from "@/lib/dialects/native/schemas";
import { ok } from "@/lib/http/api-result";
import { apiRoute } from "@/lib/http/api-route";
import { otherMethods } from "@/lib/http/route-methods";
import { deleteTestClock } from "@/lib/test-clocks/delete-test-clock";
import { getTestClock } from "@/lib/test-clocks/get-test-clock";

export const GET = apiRoute({
  dialect: nativeDialect,
  auth: "secret_key",
  params: objectParams,
  handle: async ({ db, auth, params }) => ok(renderTestClock(await getTestClock(db, auth.owner, params.id))),
});

export const DELETE = apiRoute({
  dialect: nativeDialect,
  auth: "secret_key",
  params: objectParams,
  handle: async ({ db, auth, params }) => ok(renderTestClock(await deleteTestClock(db, auth.owner, params.id))),
});

export const { POST, PUT, PATCH } = otherMethods(nativeDialect, { GET, DELETE });
