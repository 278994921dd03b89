import type { AppError, ErrorCode } from "@/lib/errors/app-error";

type StripeError = { status: number; type: string; code?: string };

/** Stripe's status, type and code for each of Kassa's errors, where Stripe says it otherwise. */
const STRIPE_ERRORS: Partial<Record<ErrorCode, StripeError>> = {
  invalid_json: { status: 400, type: "invalid_request_error", code: "parameter_invalid" },
  amount_invalid: { status: 400, type: "invalid_request_error", code: "parameter_invalid_integer" },
  invalid_number: { status: 402, type: "card_error", code: "invalid_number" },
  invalid_cvc: { status: 402, type: "card_error", code: "invalid_cvc" },
  invalid_credentials: { status: 401, type: "invalid_request_error", code: "api_key_invalid" },
  unauthenticated: { status: 401, type: "invalid_request_error", code: "api_key_invalid" },
  forbidden: { status: 403, type: "invalid_request_error", code: "permission_denied" },
  client_secret_invalid: { status: 403, type: "invalid_request_error", code: "permission_denied" },
  merchant_suspended: { status: 403, type: "invalid_request_error", code: "account_invalid" },
  payment_processing: { status: 400, type: "invalid_request_error", code: "payment_intent_unexpected_state" },
  payment_already_completed: { status: 400, type: "invalid_request_error", code: "payment_intent_unexpected_state" },
  intent_unexpected_state: { status: 400, type: "invalid_request_error", code: "payment_intent_unexpected_state" },
  subscription_unexpected_state: { status: 400, type: "invalid_request_error", code: "resource_invalid_state" },
  idempotency_key_invalid: { status: 400, type: "idempotency_error" },
  idempotency_key_reused: { status: 400, type: "idempotency_error", code: "idempotency_key_in_use" },
  idempotency_key_in_use: { status: 409, type: "idempotency_error", code: "idempotency_key_in_use" },
  rate_limited: { status: 429, type: "rate_limit_error", code: "rate_limit" },
  internal_error: { status: 500, type: "api_error" },
  processor_error: { status: 502, type: "api_error" },
};

const BY_KIND: Record<AppError["kind"], string> = {
  invalid_request: "invalid_request_error",
  authentication: "invalid_request_error",
  permission: "invalid_request_error",
  card: "card_error",
  idempotency: "idempotency_error",
  rate_limit: "rate_limit_error",
  api: "api_error",
};

/** A refund larger than what is left is amount_too_large; one of a payment refunded in full, charge_already_refunded. */
function refundCode(error: AppError): string {
  return Number(error.details.extra?.refundable ?? 0) > 0 ? "amount_too_large" : "charge_already_refunded";
}

function invalidExpiry(error: AppError): string {
  return error.details.param?.includes("month") ? "invalid_expiry_month" : "invalid_expiry_year";
}

/** How Stripe would answer this error: its HTTP status, `error.type` and `error.code`. */
export function stripeErrorOf(error: AppError): Required<StripeError> {
  if (error.code === "refund_exceeds_captured") return { status: 400, type: "invalid_request_error", code: refundCode(error) };
  if (error.code === "invalid_expiry") return { status: 402, type: "card_error", code: invalidExpiry(error) };
  // The object a URL names is a 404; one a parameter names (a price in line_items) is a 400, as on Stripe.
  if (error.code === "not_found") {
    // A URL no route answers keeps Kassa's not_found; a missing object is Stripe's resource_missing.
    if (!error.details.param) return { status: 404, type: "invalid_request_error", code: "not_found" };
    return { status: error.details.param === "id" ? 404 : 400, type: "invalid_request_error", code: "resource_missing" };
  }
  const known = STRIPE_ERRORS[error.code];
  if (known) return { status: known.status, type: known.type, code: known.code ?? error.code };
  return { status: error.status, type: BY_KIND[error.kind], code: error.code };
}
