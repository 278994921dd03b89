import { nativeDialect } from "@/lib/dialects/native/dialect";
import { renderSubscription } from "@/lib/dialects/native/render";
import { failNextRenewalBody, objectParams } from "@/lib/dialects/native/schemas";
import { ok } from "@/lib/http/api-result";
import { apiRoute } from "@/lib/http/api-route";
import { otherMethods } from "@/lib/http/route-methods";
import { failNextRenewal } from "@/lib/test-helpers/fail-next-renewal";

/** Test mode: the subscription's next renewal is declined (with decline_code, 51 by default), then retried as usual. */
export const POST = apiRoute({
  dialect: nativeDialect,
  auth: "secret_key",
  params: objectParams,
  body: failNextRenewalBody,
  handle: async ({ db, auth, params, body }) => ok(renderSubscription(await failNextRenewal(db, auth.owner, params.id, body.decline_code))),
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(nativeDialect, { POST });
