import { getIntent } from "@/lib/intents/get-intent";
import { withDetail } from "@/lib/intents/intent-details";
import { nativeDialect } from "@/lib/dialects/native/dialect";
import { renderIntent } from "@/lib/dialects/native/render";
import { intentParams } from "@/lib/dialects/native/schemas";
import { ok } from "@/lib/http/api-result";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute({
  dialect: nativeDialect,
  auth: "secret_key",
  params: intentParams,
  handle: async ({ db, auth, params }) =>
    ok(renderIntent(await withDetail(db, await getIntent(db, auth.merchant.id, params.id)))),
});
