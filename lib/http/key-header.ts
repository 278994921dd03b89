import { describeVariants } from "@/lib/openapi/described-route";
import { routeBy, type RouteHandler } from "./route-methods";

/**
 * Seed 002's routes serve two shapes: its documented API, keyed with `Authorization: Bearer`, and
 * its running service, whose own code sends the key in `X-API-Key`. The header decides which one
 * answers; Bearer wins when both are sent.
 */
export function byKeyHeader(routes: { gateway: RouteHandler; native: RouteHandler }): RouteHandler {
  const handler = routeBy((request) => (request.headers.has("x-api-key") && !request.headers.has("authorization") ? routes.gateway : routes.native));
  return describeVariants(handler, [routes.native, routes.gateway]);
}
