import type { z } from "zod";
import type { ApiKeyCredentials } from "@/lib/accounts/authenticate-api-key";
import type { AppError } from "@/lib/errors/app-error";
import type { ApiResult } from "./api-result";
import type { IssueLocation } from "./validation";

/** How one seed API speaks: where its key travels, and how its errors look on the wire. */
export interface ApiDialect {
  readonly name: string;
  /** The secret key from this dialect's header(s), or null when none was sent. */
  credentials(request: Request): ApiKeyCredentials | null;
  renderError(error: AppError): ApiResult;
  validationError(error: z.ZodError, input: unknown, location: IssueLocation): AppError;
  /** The request body as its integrations send it, from text already read within the size limit; JSON unless the dialect says otherwise. */
  parseBody?(text: string, request: Request): unknown;
  /** The query string as an object; flat name to value unless the dialect nests (a[b]=c). */
  parseQuery?(params: URLSearchParams): unknown;
  /** Headers every answer of this dialect carries beside Request-Id (an API version echoed, say). */
  responseHeaders?(request: Request): Record<string, string>;
}

export function bearerToken(request: Request): string | null {
  const header = request.headers.get("authorization");
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match ? match[1]! : null;
}
