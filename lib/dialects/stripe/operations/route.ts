import type { z } from "zod";
import type { ApiResult } from "@/lib/http/api-result";
import { apiRoute, type HandlerContext, type RouteSpec } from "@/lib/http/api-route";
import type { IdempotencyMode } from "@/lib/idempotency/run-idempotent";
import type { RouteHandler } from "@/lib/http/route-methods";
import { stripeDialect } from "../dialect";

type Spec<P, Q, B> = {
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  idempotency?: IdempotencyMode;
  idempotencyBody?: (body: B) => unknown;
  replay?: RouteSpec<"secret_key", P, Q, B>["replay"];
  handle: (context: HandlerContext<"secret_key", P, Q, B>) => Promise<ApiResult>;
};

/** One Stripe operation: keyed with the merchant's secret key, in Stripe's envelope. */
export function stripeOperation<P = Record<string, never>, Q = Record<string, never>, B = undefined>(spec: Spec<P, Q, B>): RouteHandler {
  const { idempotencyBody, ...rest } = spec;
  return apiRoute<"secret_key", P, Q, B>({ dialect: stripeDialect, auth: "secret_key", ...rest, ...(idempotencyBody ? { idempotencyBody: (body: B) => idempotencyBody(body) } : {}) });
}

export const ok = (body: unknown): ApiResult => ({ status: 200, body });

/** Stripe's answer to a DELETE: the id, what it was, and that it is gone. */
export const deleted = (id: string, object: string): ApiResult => ok({ id, object, deleted: true });
