import { registerUser } from "@/lib/accounts/register-user";
import { nativeDialect } from "@/lib/dialects/native/dialect";
import { renderUser } from "@/lib/dialects/native/render";
import { registerBody } from "@/lib/dialects/native/schemas";
import { created } from "@/lib/http/api-result";
import { apiRoute } from "@/lib/http/api-route";
import { otherMethods } from "@/lib/http/route-methods";

export const POST = apiRoute({
  dialect: nativeDialect,
  auth: "public",
  // The answer carries a user or an access token: nothing to keep, and nothing to replay.
  idempotency: "none",
  body: registerBody,
  handle: async ({ db, body }) => created(renderUser(await registerUser(db, body))),
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(nativeDialect, { POST });
