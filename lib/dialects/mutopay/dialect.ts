import { AppError, type ErrorCode } from "@/lib/errors/app-error";
import type { ApiDialect } from "@/lib/http/dialect";
import { fieldIssues } from "@/lib/http/validation";

/** The seed's fixed bodies for these; everything else is `{"error": <kind>, "message": …}`. */
const FIXED: Partial<Record<ErrorCode, { status: number; error: string }>> = {
  unauthenticated: { status: 401, error: "unauthorized" },
  merchant_suspended: { status: 403, error: "merchant suspended" },
  rate_limited: { status: 429, error: "rate_limited" },
};

const KINDS: Partial<Record<number, string>> = {
  400: "invalid_request",
  404: "not_found",
  405: "method_not_allowed",
  409: "conflict",
  410: "gone",
  413: "request_too_large",
  431: "headers_too_large",
  422: "unprocessable",
};

/** Seed 004: `X-API-Key`; errors `{"error":"invalid_request","message":…}` and the fixed 401/403/429 bodies. */
export const mutopayDialect: ApiDialect = {
  name: "mutopay",
  credentials(request) {
    const secret = request.headers.get("x-api-key")?.trim();
    return secret ? { secret } : null;
  },
  renderError(error) {
    const headers = error.details.retryAfter ? { "retry-after": String(error.details.retryAfter) } : undefined;
    const fixed = FIXED[error.code];
    if (fixed) return { status: fixed.status, headers, body: { error: fixed.error } };
    if (error.code === "amount_too_small") {
      const minimum = String(error.details.extra?.minimum_decimal);
      return { status: 400, body: { error: "invalid_request", message: `Minimum invoice on this channel is $${minimum}.` } };
    }
    const kind = error.code.startsWith("idempotency") ? error.code : (KINDS[error.status] ?? (error.status >= 500 ? "internal_error" : "invalid_request"));
    return { status: error.status, headers, body: { error: kind, message: error.message } };
  },
  validationError(error, input) {
    const issue = fieldIssues(error, input)[0]!;
    const message = issue.missing && !issue.custom ? `${issue.param} is required.` : `${issue.param} ${issue.message}`.trim();
    return new AppError("parameter_invalid", message, { param: issue.param });
  },
};
