import { dialectForPath } from "@/lib/dialects/registry";
import { AppError } from "@/lib/errors/app-error";
import { jsonResponse } from "./api-result";
import { newRequestId } from "./request-id";

/** The largest request head Kassa reads; Node's own limit is set above it (scripts/start.mjs). */
export const MAX_HEADER_BYTES = 16 * 1024;

/**
 * The answer to a request whose headers are too large, in the envelope of the dialect that owns its
 * path (a plain JSON error elsewhere): what scripts/start.mjs sends instead of Node's empty 431.
 */
export function headerOverflowResponse(pathname: string, requestId = newRequestId()): Response {
  const error = new AppError("headers_too_large", `The request's headers are larger than ${MAX_HEADER_BYTES / 1024} KB. Send fewer or shorter headers (cookies, most often).`);
  const dialect = dialectForPath(pathname);
  const headers = { "request-id": requestId, connection: "close" };
  if (!dialect) return jsonResponse({ status: 431, body: { error: { code: error.code, message: error.message } } }, headers);
  return jsonResponse(dialect.api.renderError(error), headers);
}
