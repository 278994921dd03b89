import { AppError } from "@/lib/errors/app-error";
import type { ApiResult } from "@/lib/http/api-result";
import type { ApiDialect } from "@/lib/http/dialect";
import { dotPath, fieldIssues } from "@/lib/http/validation";

const VALIDATION_MESSAGE = "The given data was invalid.";

/** Laravel names a field by its path with spaces for underscores: "order items.0.price". */
export function attributeName(path: string): string {
  return path.replace(/\[(\w+)\]/g, ".$1").replace(/_/g, " ");
}

/** Fills Laravel's `:attribute` placeholder, the way mintro's messages read. */
export function laravelMessage(template: string, path: string): string {
  return template.replace(/:attribute/g, attributeName(path));
}

/** Errors that mintro reports as a field error in its 422 shape. */
const FIELD_ERRORS = new Set([
  "parameter_missing",
  "parameter_invalid",
  "parameter_unknown",
  "amount_invalid",
  "amount_too_small",
  "reference_id_taken",
  "idempotency_key_reused",
  "idempotency_key_invalid",
]);

const MESSAGES: Partial<Record<string, string>> = {
  unauthenticated: "Invalid API Key provided.",
  merchant_suspended: "This merchant account is suspended.",
  rate_limited: "Too many requests. Slow down and retry after the time in Retry-After.",
};

/** Seed 001: X-Client-ID + X-Client-Secret; `{success, message, data: []}`, and 422 `{message, errors}`. */
export const mintroDialect: ApiDialect = {
  name: "mintro",
  credentials(request) {
    const clientId = request.headers.get("x-client-id");
    const secret = request.headers.get("x-client-secret");
    if (!clientId && !secret) return null;
    return { clientId: clientId ?? "", secret: secret ?? "" };
  },
  renderError(error) {
    const headers = error.details.retryAfter ? { "retry-after": String(error.details.retryAfter) } : undefined;
    if (error.details.fields || FIELD_ERRORS.has(error.code)) return validationResult(error);
    const status = error.code === "intent_unexpected_state" || error.code === "subscription_unexpected_state" ? 400 : error.status;
    return { status, headers, body: { success: false, message: MESSAGES[error.code] ?? error.message, data: [] } };
  },
  validationError(error, input) {
    const fields: Record<string, string[]> = {};
    for (const issue of fieldIssues(error, input)) {
      const path = dotPath(issue.path);
      // Rules of ours (required_if, totals) speak for themselves; a missing field is "required".
      const message =
        issue.custom || (!issue.missing && issue.message.includes(":attribute"))
          ? issue.message
          : issue.missing
            ? "The :attribute field is required."
            : "The :attribute is invalid.";
      (fields[path] ??= []).push(laravelMessage(message, path));
    }
    return validationFailure(fields);
  },
};

function validationResult(error: AppError): ApiResult {
  return { status: 422, body: { message: VALIDATION_MESSAGE, errors: error.details.fields ?? { [fieldOf(error)]: [fieldMessage(error)] } } };
}

function fieldOf(error: AppError): string {
  if (error.code.startsWith("idempotency")) return "idempotency_key";
  return (error.details.param ?? "request").replace(/\[(\w+)\]/g, ".$1");
}

/** Core errors about one field, worded the way mintro's own validation words them. */
function fieldMessage(error: AppError): string {
  const field = fieldOf(error);
  if (error.code === "reference_id_taken") return laravelMessage("The :attribute has already been taken.", field);
  if (error.code === "amount_too_small") {
    return laravelMessage(`The :attribute must be at least ${String(error.details.extra?.minimum_decimal)}.`, field);
  }
  return error.message;
}

export function validationFailure(fields: Record<string, string[]>): AppError {
  const [first] = Object.entries(fields);
  return new AppError("parameter_invalid", first?.[1][0] ?? VALIDATION_MESSAGE, { param: first?.[0], fields });
}

export const ok = (data: unknown, status = 200): ApiResult => ({ status, body: { success: true, data } });
