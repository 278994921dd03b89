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

/** Deeper than any request Kassa takes (metadata included), and shallow enough for every recursive walk after. */
export const MAX_JSON_DEPTH = 32;
/** More items than any list a route takes (line items stop at 100). */
export const MAX_ARRAY_LENGTH = 1000;

export type TextProblem = { kind: "unstorable" | "too_deep" | "too_long"; path: (string | number)[] };

/**
 * The first thing in a parsed request that Kassa refuses before validating it: nesting deeper than
 * MAX_JSON_DEPTH or an array longer than MAX_ARRAY_LENGTH (which would overflow the stack of the
 * recursive walks that follow: zod, JSON.stringify), or text Postgres cannot store (NUL characters,
 * unpaired UTF-16 surrogates). Walks with its own stack, so no input can overflow it.
 */
export function findTextProblem(value: unknown): TextProblem | null {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === "string") {
      if (!isStorable(current)) return { kind: "unstorable", path };
      continue;
    }
    if (current === null || typeof current !== "object") continue;
    if (path.length >= MAX_JSON_DEPTH) return { kind: "too_deep", path };
    if (Array.isArray(current)) {
      if (current.length > MAX_ARRAY_LENGTH) return { kind: "too_long", path };
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], path: [...path, i] });
      continue;
    }
    const entries = Object.entries(current);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      if (!isStorable(key)) return { kind: "unstorable", path: [...path, key] };
      stack.push({ value: child, path: [...path, key] });
    }
  }
  return null;
}

/** Only the text check, for form fields and path segments, which cannot nest. */
export function unstorableText(value: unknown): (string | number)[] | null {
  const problem = findTextProblem(value);
  return problem?.kind === "unstorable" ? problem.path : null;
}

/** The AppError for a problem findTextProblem found, naming the field the way Stripe-like APIs do. */
export function textProblemError(problem: TextProblem, location: IssueLocation): AppError {
  const param = bracketPath(problem.path) || undefined;
  const where = param ?? `the request ${location}`;
  switch (problem.kind) {
    case "unstorable":
      return new AppError("parameter_invalid", `Invalid ${param ?? location}: text must not contain NUL characters or unpaired surrogates.`, { param });
    case "too_deep":
      return new AppError("parameter_invalid", `Invalid ${where}: JSON may nest at most ${MAX_JSON_DEPTH} levels deep.`, { param });
    case "too_long":
      return new AppError("parameter_invalid", `Invalid ${where}: arrays may hold at most ${MAX_ARRAY_LENGTH} items.`, { param });
  }
}

function isStorable(text: string): boolean {
  return !text.includes("\u0000") && text.isWellFormed();
}
