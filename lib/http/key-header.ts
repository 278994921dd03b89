import { describeVariants } from "@/lib/openapi/described-route";
import { routeBy, type RouteHandler } from "./route-methods";

/**
 * A path served in two shapes by two dialects, told apart by the header that carries the key: one
 * keyed with `Authorization: Bearer`, the other with `X-API-Key` (seed 002's documented API and its
 * running service share their routes this way). Authorization wins when both are sent.
 */
export function byKeyHeader(routes: { bearer: RouteHandler; apiKeyHeader: RouteHandler }): RouteHandler {
  const handler = routeBy((request) => (request.headers.has("x-api-key") && !request.headers.has("authorization") ? routes.apiKeyHeader : routes.bearer));
  return describeVariants(handler, [routes.bearer, routes.apiKeyHeader]);
}
