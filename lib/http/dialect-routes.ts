import { dialectRoutes } from "@/lib/dialects/registry";
import type { RouteModule } from "@/lib/openapi/build-document";
import { unknownRoute, type RouteHandler } from "./route-methods";

type CompiledRoute = { route: RouteModule; pattern: (string | { param: string })[] };
let compiled: Promise<CompiledRoute[]> | null = null;

/** Each route's path as segments, the ones with more fixed segments first, so /a/b beats /a/{id}. */
function compile(routes: RouteModule[]): CompiledRoute[] {
  const pattern = (path: string) => path.split("/").slice(1).map((segment) => (/^\{\w+\}$/.test(segment) ? { param: segment.slice(1, -1) } : segment));
  const fixed = (route: CompiledRoute) => route.pattern.filter((segment) => typeof segment === "string").length;
  return routes.map((route) => ({ route, pattern: pattern(route.path) })).sort((a, b) => fixed(b) - fixed(a));
}

function decoded(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** The dialect route a path names, with its parameters, or null. */
export async function matchDialectRoute(pathname: string): Promise<{ route: RouteModule; params: Record<string, string> } | null> {
  compiled ??= dialectRoutes().then(compile);
  const segments = pathname.split("/").slice(1);
  for (const { route, pattern } of await compiled) {
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = pattern.every((part, index) => {
      if (typeof part === "string") return part === segments[index];
      const value = decoded(segments[index]!);
      if (!value) return false;
      params[part.param] = value;
      return true;
    });
    if (matches) return { route, params };
  }
  return null;
}

/**
 * What the catch-all routes under app/ answer: a route a dialect serves from its own folder, or the
 * JSON 404 of the dialect that owns the path. A method the route does not serve gets its 405.
 */
export const serveDialectRoute: RouteHandler = async (request, context) => {
  const match = await matchDialectRoute(new URL(request.url).pathname);
  const handler = match?.route.module[request.method];
  if (!match || typeof handler !== "function") return unknownRoute(request, context);
  return (handler as RouteHandler)(request, { params: Promise.resolve(match.params) });
};
