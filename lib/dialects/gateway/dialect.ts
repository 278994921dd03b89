import { AppError, type ErrorCode } from "@/lib/errors/app-error";
import type { ApiResult } from "@/lib/http/api-result";
import type { ApiDialect } from "@/lib/http/dialect";
import { fieldIssues } from "@/lib/http/validation";

/**
 * Where seed 002's service answers with another status than Kassa's native API: a wrong client
 * secret is 401, and an intent that can no longer be paid (expired, failed, canceled) is 410 Gone.
 */
const STATUS: Partial<Record<ErrorCode, number>> = { client_secret_invalid: 401 };
const GONE = new Set(["expired", "failed", "canceled", "underpaid"]);

function statusOf(error: AppError): number {
  if (error.code === "intent_unexpected_state" && GONE.has(String(error.details.extra?.status))) return 410;
  return STATUS[error.code] ?? error.status;
}

/**
 * Seed 002's running service, as its merchant server, checkout front end and demo shop call it:
 * the key in `X-API-Key`; answers `{"success": true, "data": …}`; errors `{"success": false,
 * "error": "<message>", "code": …}`, where the front end shows `error` as text.
 */
export const gatewayDialect: ApiDialect = {
  name: "gateway",
  credentials(request) {
    const secret = request.headers.get("x-api-key")?.trim();
    return secret ? { secret } : null;
  },
  renderError(error) {
    const { retryAfter, declineCode, extra } = error.details;
    const remaining = extra?.remaining_attempts;
    return {
      status: statusOf(error),
      headers: retryAfter ? { "retry-after": String(retryAfter) } : undefined,
      body: {
        success: false,
        error: error.message,
        code: declineCode ?? error.code,
        ...(error.details.param ? { param: error.details.param } : {}),
        ...(typeof remaining === "number" ? { remaining_attempts: remaining } : {}),
      },
    };
  },
  validationError(error, input) {
    const issue = fieldIssues(error, input)[0]!;
    const message = issue.missing && !issue.custom ? `${issue.param} is required` : `${issue.param} ${issue.message}`.trim();
    return new AppError("parameter_invalid", message, { param: issue.param || undefined });
  },
};

export const success = (data: unknown, status = 200): ApiResult => ({ status, body: { success: true, data } });
