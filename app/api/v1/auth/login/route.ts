import { ACCESS_TOKEN_TTL_SECONDS } from "@/lib/accounts/access-token";
import { logIn } from "@/lib/accounts/log-in";
import { nativeDialect } from "@/lib/dialects/native/dialect";
import { loginBody } from "@/lib/dialects/native/schemas";
import { ok } from "@/lib/http/api-result";
import { apiRoute } from "@/lib/http/api-route";
import { clientAddress } from "@/lib/http/client-address";
import { otherMethods } from "@/lib/http/route-methods";

export const POST = apiRoute({
  dialect: nativeDialect,
  auth: "public",
  // The answer carries a user or an access token: nothing to keep, and nothing to replay.
  idempotency: "none",
  body: loginBody,
  handle: async ({ db, body, request }) => {
    const token = await logIn(db, { email: body.email, password: body.password, address: clientAddress(request.headers) });
    return ok({ access_token: token, token_type: "Bearer", expires_in: ACCESS_TOKEN_TTL_SECONDS });
  },
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(nativeDialect, { POST });
