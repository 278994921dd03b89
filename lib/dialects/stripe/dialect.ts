import { AppError } from "@/lib/errors/app-error";
import type { ApiResult } from "@/lib/http/api-result";
import { bearerToken, type ApiDialect } from "@/lib/http/dialect";
import { fieldIssues, firstIssueError } from "@/lib/http/validation";
import { stripeErrorOf } from "./errors";
import { parseStripeParams } from "./form";

/** The API version Kassa answers as when a request names none: the one the stripe npm package it is tested with pins. */
export const STRIPE_API_VERSION = "2026-10-28.endive";

/** Other Stripe clients send the key as the user name of Basic auth, with an empty password. */
function basicUser(request: Request): string | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(request.headers.get("authorization") ?? "");
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
  const user = decoded.slice(0, decoded.includes(":") ? decoded.indexOf(":") : undefined);
  return user || null;
}

/**
 * Stripe's API as its SDKs speak it: the key as a Bearer token or Basic user, form-encoded bodies
 * with nested keys, `Stripe-Version` echoed on every answer, and errors as
 * `{"error": {type, code, message, param, decline_code?}}` with Stripe's statuses.
 */
export const stripeDialect: ApiDialect = {
  name: "stripe",
  credentials(request) {
    const secret = bearerToken(request) ?? basicUser(request);
    if (secret) return { secret };
    // A header that is there but unreadable is a bad key, not a missing one.
    return request.headers.has("authorization") ? { secret: "" } : null;
  },
  renderError(error): ApiResult {
    const { status, type, code } = stripeErrorOf(error);
    const { param, declineCode, retryAfter, extra } = error.details;
    return {
      status,
      headers: {
        ...(retryAfter ? { "retry-after": String(retryAfter) } : {}),
        // A refusal that would be refused again: the SDK must not retry it on its own.
        ...(status === 409 || status >= 500 ? {} : { "stripe-should-retry": "false" }),
      },
      body: {
        error: {
          type,
          code,
          message: error.message,
          param: param ?? null,
          ...(declineCode ? { decline_code: declineCode } : {}),
          ...(extra?.payment_intent ? { payment_intent: extra.payment_intent } : {}),
          ...(extra?.charge ? { charge: extra.charge } : {}),
        },
      },
    };
  },
  validationError(error, input, location) {
    return firstIssueError(fieldIssues(error, input), location);
  },
  parseBody(text, request) {
    if (/^application\/json\b/i.test(request.headers.get("content-type") ?? "") && text.trim() !== "") {
      throw new AppError("invalid_json", "Invalid request: Stripe's API takes application/x-www-form-urlencoded bodies, not JSON.");
    }
    return parseStripeParams(new URLSearchParams(text));
  },
  parseQuery: (params) => parseStripeParams(params),
  responseHeaders(request) {
    return { "stripe-version": request.headers.get("stripe-version")?.slice(0, 64) || STRIPE_API_VERSION };
  },
};
