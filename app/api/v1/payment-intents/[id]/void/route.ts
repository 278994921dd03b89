import { voidIntent } from "@/lib/intents/void-intent";
import { withDetail } from "@/lib/intents/intent-details";
import { nativeDialect } from "@/lib/dialects/native/dialect";
import { renderIntent } from "@/lib/dialects/native/render";
import { intentParams, voidIntentBody } from "@/lib/dialects/native/schemas";
import { ok } from "@/lib/http/api-result";
import { apiRoute } from "@/lib/http/api-route";
import { actorOf } from "@/lib/http/principal";
import { otherMethods } from "@/lib/http/route-methods";

/** Releases an authorization instead of capturing it. */
export const POST = apiRoute({
  dialect: nativeDialect,
  auth: "secret_key",
  params: intentParams,
  body: voidIntentBody,
  idempotency: "external",
  handle: async ({ db, auth, params }) => ok(renderIntent(await withDetail(db, await voidIntent(db, auth.owner, params.id, actorOf(auth))))),
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(nativeDialect, { POST });
