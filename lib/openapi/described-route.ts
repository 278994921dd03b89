import type { z } from "zod";
import type { AuthKind } from "@/lib/http/principal";

/**
 * What an API route declares about itself, kept on its handler so the API reference is built from
 * the very schemas that validate requests and can never drift from them.
 */
export type RouteDescription = {
  dialect: string;
  auth: AuthKind;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  idempotent: boolean;
};

type Described = { description?: RouteDescription; variants?: unknown[]; refuses?: boolean };

export function describeHandler<H extends object>(handler: H, description: RouteDescription): H {
  return Object.assign(handler, { description });
}

/** A handler that picks one of several routes (by key header): each is documented, in its own dialect. */
export function describeVariants<H extends object>(handler: H, variants: unknown[]): H {
  return Object.assign(handler, { variants });
}

/** The 405 answer for a method a route does not serve: nothing to document. */
export function markRefusal<H extends object>(handler: H): H {
  return Object.assign(handler, { refuses: true });
}

/** The descriptions behind an exported route handler; empty for a refusal or an undescribed handler. */
export function routeDescriptions(handler: unknown): RouteDescription[] {
  const described = handler as Described | undefined;
  if (!described || described.refuses) return [];
  if (described.variants) return described.variants.flatMap(routeDescriptions);
  return described.description ? [described.description] : [];
}
