import { markRefusal } from "@/lib/openapi/described-route";
import { AppError } from "@/lib/errors/app-error";
import { dialectForPath } from "@/lib/dialects/registry";
import { jsonResponse } from "./api-result";
import { newRequestId } from "./request-id";
import type { ApiDialect } from "./dialect";

export const ROUTE_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type RouteMethod = (typeof ROUTE_METHODS)[number];
export type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };
export type RouteHandler = (request: Request, context: RouteContext) => Promise<Response>;

/**
 * The methods a route file does not answer, each as the dialect's JSON 405 with `Allow`, so no API
 * path ever falls through to an empty answer or an HTML page. Spread the result into the exports:
 * `export const { PUT, PATCH, DELETE } = otherMethods(dialect, { GET, POST })`.
 */
export function otherMethods<H extends Partial<Record<RouteMethod, RouteHandler>>>(
  dialect: ApiDialect,
  handled: H,
): Record<Exclude<RouteMethod, keyof H>, RouteHandler> {
  const allowed = Object.keys(handled);
  const allow = [...allowed, ...(allowed.includes("GET") ? ["HEAD"] : []), "OPTIONS"].join(", ");
  const refuse: RouteHandler = markRefusal(async (request: Request) => {
    const error = new AppError("method_not_allowed", `${request.method} is not allowed on ${new URL(request.url).pathname}; use ${allowed.join(" or ")}.`);
    return jsonResponse(dialect.renderError(error), { allow, "request-id": newRequestId(), ...dialect.responseHeaders?.(request) });
  });
  const missing = ROUTE_METHODS.filter((method) => !(method in handled));
  return Object.fromEntries(missing.map((method) => [method, refuse])) as Record<Exclude<RouteMethod, keyof H>, RouteHandler>;
}

/** A path no route answers: 404 in the envelope of the dialect that owns its prefix. */
export const unknownRoute: RouteHandler = async (request) => {
  const { pathname } = new URL(request.url);
  const dialect = dialectForPath(pathname);
  const error = new AppError("not_found", `Unrecognized request URL (${request.method}: ${pathname}).`);
  const headers = { "request-id": newRequestId() };
  if (!dialect) return jsonResponse({ status: 404, body: { error: { code: "not_found", message: error.message } } }, headers);
  return jsonResponse(dialect.api.renderError(error), { ...headers, ...dialect.api.responseHeaders?.(request) });
};

/** Sends each request to one of several routes, by what it carries (which header holds the key). */
export function routeBy(choose: (request: Request) => RouteHandler): RouteHandler {
  return (request, context) => choose(request)(request, context);
}

const CORS_HEADERS = {
  "access-control-allow-origin": "*",
  "access-control-allow-headers": "content-type, x-client-secret, idempotency-key",
  "access-control-max-age": "86400",
};

/** Headers for a route that browsers on any origin may call, with no cookies (the client secret is the credential). */
export function corsHeaders(): Record<string, string> {
  return { "access-control-allow-origin": "*" };
}

/** The answer to a browser's preflight for such a route. */
export function corsPreflight(methods: RouteMethod[]): RouteHandler {
  return async () => new Response(null, { status: 204, headers: { ...CORS_HEADERS, "access-control-allow-methods": [...methods, "OPTIONS"].join(", ") } });
}
