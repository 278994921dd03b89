import { readPublicIntent } from "@/lib/checkout/read-public-intent";
import { gatewayDialect, success } from "@/lib/dialects/gateway/dialect";
import { renderPublicIntent } from "@/lib/dialects/gateway/render";
import { clientSecretQuery, intentParams } from "@/lib/dialects/gateway/schemas";
import { apiRoute } from "@/lib/http/api-route";
import { clientSecretOf } from "@/lib/http/client-secret";
import { corsPreflight, otherMethods } from "@/lib/http/route-methods";

/** Seed 002's public API: what its checkout front end draws and its demo shop's success page checks. */
export const GET = apiRoute({
  dialect: gatewayDialect,
  auth: "public",
  cors: true,
  params: intentParams,
  query: clientSecretQuery,
  handle: async ({ db, params, query, request }) => success(renderPublicIntent(await readPublicIntent(db, params.id, clientSecretOf(request, query)))),
});

export const OPTIONS = corsPreflight(["GET"]);
export const { POST, PUT, PATCH, DELETE } = otherMethods(gatewayDialect, { GET });
