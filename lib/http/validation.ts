import type { z } from "zod";
import { AppError } from "@/lib/errors/app-error";

export type IssueLocation = "body" | "query" | "params";

/** One zod issue, with the field named the way the client wrote it and whether it was missing. */
export type FieldIssue = { path: (string | number)[]; param: string; message: string; missing: boolean; custom: boolean };

export function fieldIssues(error: z.ZodError, input: unknown): FieldIssue[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => {
        const path = [...issue.path, key].map(pathPart);
        return { path, param: bracketPath(path), message: `Received unknown parameter: ${bracketPath(path)}`, missing: false, custom: false };
      });
    }
    const path = issue.path.map(pathPart);
    return [
      { path, param: bracketPath(path), message: issue.message, missing: valueAt(input, path) === undefined, custom: issue.code === "custom" },
    ];
  });
}

/** Stripe's way of naming a nested field: line_items[0][name]. */
export function bracketPath(path: (string | number)[]): string {
  const [head, ...rest] = path;
  return String(head ?? "") + rest.map((part) => `[${part}]`).join("");
}

/** Laravel's way, used by mintro: order_items.0.name. */
export function dotPath(path: (string | number)[]): string {
  return path.join(".");
}

function pathPart(part: PropertyKey): string | number {
  return typeof part === "number" ? part : String(part);
}

function valueAt(input: unknown, path: (string | number)[]): unknown {
  let value = input;
  for (const part of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string | number, unknown>)[part];
  }
  return value;
}

/** The first issue as one AppError, the way Stripe-like APIs report validation. */
export function firstIssueError(issues: FieldIssue[], location: IssueLocation): AppError {
  const issue = issues[0]!;
  const param = issue.param || undefined;
  if (issue.message.startsWith("Received unknown parameter")) {
    return new AppError("parameter_unknown", issue.message, { param });
  }
  if (issue.missing && location !== "params") {
    return new AppError("parameter_missing", `Missing required param: ${issue.param}.`, { param });
  }
  const message = param ? `Invalid ${issue.param}: ${lowerFirst(issue.message)}` : issue.message;
  const aboutAnAmount = /(^|_)amount($|_)/.test(String(issue.path[0] ?? ""));
  return new AppError(aboutAnAmount ? "amount_invalid" : "parameter_invalid", message, { param });
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * Postgres cannot store NUL characters or unpaired UTF-16 surrogates in text or jsonb; refusing them
 * up front turns what would be a 500 into a 400 that names the field.
 */
export function unstorableText(value: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (typeof value === "string") return isStorable(value) ? null : path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unstorableText(value[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      if (!isStorable(key)) return [...path, key];
      const found = unstorableText(child, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

function isStorable(text: string): boolean {
  return !text.includes("\u0000") && text.isWellFormed();
}
