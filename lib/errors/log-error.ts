import { logger } from "@/lib/observability/logger";

/**
 * A loggable description of an unexpected error: name, message and stack, but never the bound
 * parameters that driver errors carry (emails, client secrets), so logs hold no customer data.
 */
export function describeError(error: unknown): string {
  const err = error instanceof Error ? error : new Error(String(error));
  const cause = err.cause instanceof Error ? err.cause : null;
  const message = err.message.replace(/\nparams:[\s\S]*$/, "");
  const causeText = cause ? `\ncaused by ${cause.name}: ${cause.message}${"code" in cause ? ` (${String(cause.code)})` : ""}` : "";
  const stack = (err.stack ?? "").split("\n").filter((line) => line.trimStart().startsWith("at ")).join("\n");
  return `${err.name}: ${message}${causeText}\n${stack}`;
}

/**
 * An unexpected failure, logged for the operator with its stack (and never sent to a client): the
 * message says what failed, `fields` carry ids to find it by (a request id, an intent id).
 */
export function logError(message: string, error: unknown, fields: Record<string, unknown> = {}): void {
  logger().error({ ...fields, error: describeError(error) }, message);
}
