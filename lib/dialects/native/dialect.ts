import type { ErrorKind } from "@/lib/errors/app-error";
import { bearerToken, type ApiDialect } from "@/lib/http/dialect";
import { fieldIssues, firstIssueError } from "@/lib/http/validation";

const ERROR_TYPES: Record<ErrorKind, string> = {
  invalid_request: "invalid_request_error",
  authentication: "authentication_error",
  permission: "permission_error",
  card: "card_error",
  idempotency: "idempotency_error",
  rate_limit: "rate_limit_error",
  api: "api_error",
};

/** Seed 002: `Authorization: Bearer sk_…`, errors as `{"error":{type,code,message,param}}`. */
export const nativeDialect: ApiDialect = {
  name: "native",
  credentials(request) {
    const secret = bearerToken(request);
    return secret ? { secret } : null;
  },
  renderError(error) {
    const { param, declineCode, retryAfter, extra } = error.details;
    return {
      status: error.status,
      headers: retryAfter ? { "retry-after": String(retryAfter) } : undefined,
      body: {
        error: {
          type: ERROR_TYPES[error.kind],
          code: error.code,
          message: error.message,
          param: param ?? null,
          ...(declineCode ? { decline_code: declineCode } : {}),
          ...extra,
        },
      },
    };
  },
  validationError(error, input, location) {
    return firstIssueError(fieldIssues(error, input), location);
  },
};
