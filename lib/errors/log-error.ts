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
