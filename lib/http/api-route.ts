import { describeHandler } from "@/lib/openapi/described-route";
import type { z } from "zod";
import { getDb, type Db } from "@/db/client";
import { AppError, isAppError } from "@/lib/errors/app-error";
import { logError } from "@/lib/errors/log-error";
import { hashRequest, runIdempotent, type IdempotencyMode } from "@/lib/idempotency/run-idempotent";
import { configuredRateLimit, consumeRateLimit } from "@/lib/rate-limits/consume-rate-limit";
import { jsonResponse, type ApiResult } from "./api-result";
import { readBodyText } from "./read-body";
import { newRequestId } from "./request-id";
import { DIALECT_HEADER, MERCHANT_HEADER, REQUEST_ID_HEADER, ROUTE_HEADER, routePattern } from "./route-pattern";
import type { ApiDialect } from "./dialect";
import { corsHeaders, type RouteContext } from "./route-methods";
import { authenticate, idempotencyScope, type AuthKind, type Principal, type PrincipalFor } from "./principal";
import { findTextProblem, textProblemError, type IssueLocation } from "./validation";

/** The largest JSON body any route accepts; real requests are a few kilobytes. */
const MAX_BODY_BYTES = 1_000_000;

export type HandlerContext<A extends AuthKind, P, Q, B> = {
  db: Db;
  auth: PrincipalFor<A>;
  params: P;
  query: Q;
  body: B;
  request: Request;
  /** The Request-Id this answer carries, under which a failure is logged. */
  requestId: string;
  dialect: ApiDialect;
};

export type RouteSpec<A extends AuthKind, P, Q, B> = {
  dialect: ApiDialect;
  auth: A;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /**
   * How a POST honours Idempotency-Key (default `atomic`). `none` for routes whose answer holds a
   * secret that must not be stored (an API key, an access token).
   */
  idempotency?: IdempotencyMode | "none";
  /**
   * For an answer that holds a secret shown once (a webhook endpoint's signing secret): what of it is
   * kept for replays, and how a replay gets the secret back from where it is kept sealed.
   */
  replay?: { stored: (result: ApiResult) => ApiResult; completed: (stored: ApiResult, context: { db: Db; auth: PrincipalFor<A> }) => Promise<ApiResult> };
  /** What of the request identifies it for idempotency; card routes drop the CVC and the number. */
  idempotencyBody?: (body: B, context: { request: Request; query: Q }) => unknown;
  /** Browsers on any origin may call it (a public route whose credential is the client secret, never a cookie). */
  cors?: boolean;
  handle: (context: HandlerContext<A, P, Q, B>) => Promise<ApiResult>;
};

/**
 * The one wrapper every API route goes through: authenticate, rate-limit, validate, run once per
 * Idempotency-Key, and render any failure in the dialect's own envelope. Lib functions are atomic
 * on their own, so a thrown error has written nothing; a 500 is logged here and never described to
 * the client.
 */
export function apiRoute<A extends AuthKind, P = Record<string, never>, Q = Record<string, never>, B = undefined>(
  spec: RouteSpec<A, P, Q, B>,
) {
  const handler = async (request: Request, context: RouteContext): Promise<Response> => {
    const requestId = request.headers.get(REQUEST_ID_HEADER) || newRequestId();
    const headers: Record<string, string> = { "request-id": requestId, ...(spec.cors ? corsHeaders() : {}), ...spec.dialect.responseHeaders?.(request) };
    headers[DIALECT_HEADER] = spec.dialect.name;
    try {
      const db = await getDb();
      const url = new URL(request.url);
      headers[ROUTE_HEADER] = routePattern(url.pathname, await context.params);
      const auth = await authenticate(db, spec.auth, request, spec.dialect);
      if (auth.kind === "merchant") headers[MERCHANT_HEADER] = auth.merchant.id;
      await enforceRateLimit(db, auth);
      const params = validate(spec.dialect, spec.params, await context.params, "params");
      const query = validate(spec.dialect, spec.query, spec.dialect.parseQuery?.(url.searchParams) ?? Object.fromEntries(url.searchParams), "query");
      const body = validate(spec.dialect, spec.body, await readBody(request, spec.dialect), "body");

      const run = (handle: Db) => spec.handle({ db: handle, auth, params, query, body, request, requestId, dialect: spec.dialect });
      const key = request.headers.get("idempotency-key");
      const mode = spec.idempotency ?? "atomic";
      if (request.method !== "POST" || key === null || mode === "none") return jsonResponse(await run(db), headers);

      const identity = spec.idempotencyBody ? spec.idempotencyBody(body, { request, query }) : body;
      const outcome = await runIdempotent(
        db,
        { scope: idempotencyScope(auth, url.pathname), key, requestHash: hashRequest(request.method, url.pathname, identity), stored: spec.replay?.stored },
        run,
        mode,
      );
      if (!outcome.replayed) return jsonResponse(outcome.result, headers);
      const replayed = spec.replay && outcome.result.status < 400 ? await spec.replay.completed(outcome.result, { db, auth }) : outcome.result;
      return jsonResponse(replayed, { ...headers, "idempotent-replayed": "true" });
    } catch (error) {
      return jsonResponse(spec.dialect.renderError(toAppError(error, request, requestId)), headers);
    }
  };
  return describeHandler(handler, {
    dialect: spec.dialect.name,
    auth: spec.auth,
    params: spec.params,
    query: spec.query,
    body: spec.body,
    idempotent: spec.idempotency !== "none",
  });
}

/** Per API key, in the database, so the limit holds however many instances serve the key. */
async function enforceRateLimit(db: Db, principal: Principal): Promise<void> {
  if (principal.kind !== "merchant") return;
  const outcome = await consumeRateLimit(db, `api_key:${principal.apiKey.id}`, configuredRateLimit());
  if (!outcome.allowed) {
    throw new AppError("rate_limited", "Too many requests with this API key. Retry after the time in Retry-After.", {
      retryAfter: outcome.retryAfterSeconds,
    });
  }
}

function validate<T>(dialect: ApiDialect, schema: z.ZodType<T> | undefined, input: unknown, location: IssueLocation): T {
  if (!schema) return undefined as T;
  const problem = findTextProblem(input);
  if (problem) throw textProblemError(problem, location);
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw dialect.validationError(parsed.error, input, location);
  return parsed.data;
}

async function readBody(request: Request, dialect: ApiDialect): Promise<unknown> {
  if (request.method === "GET" || request.method === "HEAD" || request.method === "DELETE") return undefined;
  const text = await readBodyText(request, MAX_BODY_BYTES);
  if (dialect.parseBody) return dialect.parseBody(text, request);
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("invalid_json", "The request body is not valid JSON.");
  }
}

/** Any failure as an AppError; an unexpected one is logged with the request id and stays vague. */
export function toAppError(error: unknown, request: Request, requestId: string): AppError {
  if (isAppError(error)) return error;
  logError("request failed", error, { request_id: requestId, method: request.method, path: new URL(request.url).pathname });
  return new AppError("internal_error", `Something went wrong on our end. Quote ${requestId} if you contact support.`);
}
