import type { z } from "zod";
import { isAppError } from "@/lib/errors/app-error";
import { logError } from "@/lib/errors/log-error";
import { fieldIssues } from "@/lib/http/validation";

/** What a dashboard form shows after a server action: success, or errors in words and per field. */
export type ActionResult<T = unknown> =
  | { ok: true; message?: string; data?: T }
  | { ok: false; error: string; fields?: Record<string, string> };

/**
 * Runs an action and turns any failure into something to show: an AppError's own message, a zod
 * error per field (the same schemas as the API), and for anything unexpected a logged, vague line.
 */
export async function runAction<T>(action: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await action();
  } catch (error) {
    if (isAppError(error)) return { ok: false, error: error.message, fields: error.details.param ? { [error.details.param]: error.message } : undefined };
    if (error instanceof Error && "digest" in error) throw error; // redirect() and notFound() are not failures
    logError(`dashboard action failed`, error);
    return { ok: false, error: "Something went wrong on our end. Please try again." };
  }
}

export function validationFailed(error: z.ZodError, input: unknown): ActionResult<never> {
  const fields: Record<string, string> = {};
  for (const issue of fieldIssues(error, input)) fields[issue.param || "form"] ??= issue.missing ? "This field is required." : issue.message;
  return { ok: false, error: "Please correct the highlighted fields.", fields };
}
