/**
 * The closed list of everything that can go wrong in a way a client should hear about.
 * Each dialect renders these in its own envelope; `kind` groups them the way Stripe's `type` does.
 */
export const ERROR_CODES = {
  invalid_json: { status: 400, kind: "invalid_request" },
  parameter_missing: { status: 400, kind: "invalid_request" },
  parameter_invalid: { status: 400, kind: "invalid_request" },
  parameter_unknown: { status: 400, kind: "invalid_request" },
  amount_invalid: { status: 400, kind: "invalid_request" },
  amount_too_small: { status: 400, kind: "invalid_request" },
  invalid_number: { status: 400, kind: "card" },
  invalid_expiry: { status: 400, kind: "card" },
  invalid_cvc: { status: 400, kind: "card" },
  email_taken: { status: 400, kind: "invalid_request" },
  weak_password: { status: 400, kind: "invalid_request" },
  reference_id_taken: { status: 400, kind: "invalid_request" },
  idempotency_key_invalid: { status: 400, kind: "idempotency" },
  connect_token_invalid: { status: 400, kind: "invalid_request" },
  signature_invalid: { status: 400, kind: "invalid_request" },
  invalid_credentials: { status: 401, kind: "authentication" },
  unauthenticated: { status: 401, kind: "authentication" },
  card_declined: { status: 402, kind: "card" },
  forbidden: { status: 403, kind: "permission" },
  client_secret_invalid: { status: 403, kind: "permission" },
  merchant_suspended: { status: 403, kind: "permission" },
  live_mode_unavailable: { status: 403, kind: "permission" },
  /** Test clocks, test helpers and webhook faults: a live key, or a live object, cannot have them. */
  test_mode_only: { status: 403, kind: "permission" },
  not_found: { status: 404, kind: "invalid_request" },
  method_not_allowed: { status: 405, kind: "invalid_request" },
  payment_processing: { status: 409, kind: "invalid_request" },
  idempotency_key_in_use: { status: 409, kind: "idempotency" },
  test_clock_advancing: { status: 409, kind: "invalid_request" },
  idempotency_key_reused: { status: 422, kind: "idempotency" },
  payment_already_completed: { status: 422, kind: "invalid_request" },
  intent_unexpected_state: { status: 422, kind: "invalid_request" },
  refund_exceeds_captured: { status: 422, kind: "invalid_request" },
  subscription_unexpected_state: { status: 422, kind: "invalid_request" },
  request_too_large: { status: 413, kind: "invalid_request" },
  headers_too_large: { status: 431, kind: "invalid_request" },
  rate_limited: { status: 429, kind: "rate_limit" },
  internal_error: { status: 500, kind: "api" },
  processor_error: { status: 502, kind: "api" },
} as const satisfies Record<string, { status: number; kind: ErrorKind }>;

export type ErrorKind =
  | "invalid_request"
  | "authentication"
  | "permission"
  | "card"
  | "idempotency"
  | "rate_limit"
  | "api";

export type ErrorCode = keyof typeof ERROR_CODES;

export type AppErrorDetails = {
  /** The request field at fault, in the dialect's own naming. */
  param?: string;
  /** Every field at fault, for dialects that report them all at once (mintro's 422). */
  fields?: Record<string, string[]>;
  /** Issuer's decline code for card_declined ("51", "54", "N7"). */
  declineCode?: string;
  /** Seconds until a rate-limited client may retry. */
  retryAfter?: number;
  /** Extra fields a dialect may add to its error body, such as the intent after a decline. */
  extra?: Record<string, unknown>;
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: AppErrorDetails;

  constructor(code: ErrorCode, message: string, details: AppErrorDetails = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }

  get kind(): ErrorKind {
    return ERROR_CODES[this.code].kind;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** A checkout, a payment link or a challenge of a merchant that may not take money now. */
export const cannotAcceptPayments = () => new AppError("merchant_suspended", "This merchant cannot accept payments right now.");

/** What a live key, or a live object, gets from what exists in test mode only. */
export const testModeOnly = (what: string) => new AppError("test_mode_only", `${what} exist in test mode only; use a test key (sk_test_…).`);

export const notFound = (what: string, id: string, param?: string) =>
  new AppError("not_found", `No such ${what}: '${id}'`, param ? { param } : {});
