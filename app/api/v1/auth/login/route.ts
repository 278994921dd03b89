import { ACCESS_TOKEN_TTL_SECONDS } from "@/lib/accounts/access-token";
import { logIn } from "@/lib/accounts/log-in";
import { nativeDialect } from "@/lib/dialects/native/dialect";
import { loginBody } from "@/lib/dialects/native/schemas";
import { ok } from "@/lib/http/api-result";
import { apiRoute } from "@/lib/http/api-route";
import { otherMethods } from "@/lib/http/route-methods";

export const POST = apiRoute({
  dialect: nativeDialect,
  auth: "public",
  // The answer carries a user or an access token: nothing to keep, and nothing to replay.
  idempotency: "none",
  body: loginBody,
  handle: async ({ db, body }) =>
    ok({ access_token: await logIn(db, body.email, body.password), token_type: "Bearer", expires_in: ACCESS_TOKEN_TTL_SECONDS }),
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(nativeDialect, { POST });
