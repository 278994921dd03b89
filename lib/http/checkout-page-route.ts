import { getDb, type Db } from "@/db/client";
import { renderCheckoutErrorPage, type CheckoutErrorStatus } from "@/components/checkout/error-page";
import { checkoutPageHeaders, newScriptNonce, NOBODY } from "@/lib/checkout/checkout-policy";
import { defaultDialect } from "@/lib/dialects/registry";
import { isAppError } from "@/lib/errors/app-error";
import { logError } from "@/lib/errors/log-error";
import { negotiateLocale, type Locale } from "@/lib/i18n/locales";
import { otherMethods, type RouteContext, type RouteHandler, type RouteMethod } from "./route-methods";
import { ROUTE_HEADER, routePattern } from "./route-pattern";
import { unstorableText } from "./validation";

/** An intent's id as every dialect makes them. */
export const INTENT_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** The longest client secret any dialect makes; a longer one cannot be one. */
const MAX_CLIENT_SECRET = 128;

export type PageRouteContext = {
  db: Db;
  request: Request;
  /** The path parameter the page is about (an intent's id, a link's slug), already checked against its pattern. */
  param: string;
  /** `?client_secret=`, bounded; null when absent (only pages that take one read it). */
  clientSecret: string | null;
  /** This response's script nonce, for its Content-Security-Policy. */
  nonce: string;
  /** The buyer's language as their browser asks for it (a page about an intent prefers the intent's). */
  browserLocale: Locale;
  /** An error page of this response, in the buyer's language. */
  fail: (status: CheckoutErrorStatus) => Response;
};

type PageSpec = {
  /** The path parameter and the shape it must have; anything else is a 404 page before any read. */
  param: string;
  pattern: RegExp;
  /** Whether the page reads `?client_secret=` ("required": missing is a 403). */
  clientSecret: "none" | "optional" | "required";
  /** What to call it in the log when it fails. */
  what: string;
};

/**
 * The one wrapper for the buyer's HTML pages (the checkout, its challenge, a payment link), beside
 * apiRoute for the API and checkoutFormRoute for the forms they post: the parameter checked, the
 * client secret bounded, and any failure an error page in the buyer's language: 403 for a secret
 * that does not match, 404 for anything else a client caused, a logged 500 otherwise.
 */
export function checkoutPageRoute(spec: PageSpec, handle: (context: PageRouteContext) => Promise<Response>): RouteHandler {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    const response = await answer(request, context);
    // Labelled for the log line and the metrics by the route, never the id (scripts/start.mjs).
    response.headers.set(ROUTE_HEADER, routePattern(new URL(request.url).pathname, await context.params));
    return response;
  };

  async function answer(request: Request, { params }: RouteContext): Promise<Response> {
    const raw = ((await params) ?? {})[spec.param];
    const param = typeof raw === "string" ? raw : "";
    const nonce = newScriptNonce();
    const browserLocale = negotiateLocale(null, request.headers.get("accept-language"));
    const fail = (status: CheckoutErrorStatus) => new Response(renderCheckoutErrorPage(status, browserLocale, nonce), { status, headers: checkoutPageHeaders(NOBODY, nonce) });
    if (!spec.pattern.test(param)) return fail(404);
    const clientSecret = spec.clientSecret === "none" ? null : new URL(request.url).searchParams.get("client_secret");
    if (clientSecret !== null && (clientSecret.length > MAX_CLIENT_SECRET || unstorableText(clientSecret))) return fail(403);
    if (spec.clientSecret === "required" && clientSecret === null) return fail(403);
    try {
      return await handle({ db: await getDb(), request, param, clientSecret, nonce, browserLocale, fail });
    } catch (error) {
      if (isAppError(error)) return fail(error.code === "client_secret_invalid" ? 403 : 404);
      // Logged without the driver's query parameters, which may hold the client secret.
      logError(`${spec.what} failed`, error, { param });
      return fail(500);
    }
  }
}

/** The methods a page does not answer, as the default dialect's JSON 405. */
export const otherPageMethods = <H extends Partial<Record<RouteMethod, RouteHandler>>>(handled: H) => otherMethods(defaultDialect().api, handled);
