import { getDb } from "@/db/client";
import { defaultDialect } from "@/lib/dialects/registry";
import { AppError } from "@/lib/errors/app-error";
import { logError } from "@/lib/errors/log-error";
import { jsonResponse } from "@/lib/http/api-result";
import { otherMethods, type RouteContext } from "@/lib/http/route-methods";
import { buildDocument } from "@/lib/openapi/build-document";
import { API_REFERENCES } from "@/lib/openapi/references";
import { API_ROUTES } from "../route-table";

const built = new Map<string, Promise<Record<string, unknown>>>();

/** /api/openapi/{dialect}.json: the dialect's OpenAPI 3.1 document, built once per process from the routes' own schemas. */
export async function GET(_request: Request, { params }: RouteContext): Promise<Response> {
  const name = String((await params).document ?? "").replace(/\.json$/, "");
  const reference = API_REFERENCES.find((candidate) => candidate.dialect === name);
  if (!reference) {
    const known = API_REFERENCES.map((candidate) => `${candidate.dialect}.json`).join(", ");
    return jsonResponse(defaultDialect().api.renderError(new AppError("not_found", `No API reference is called '${name}'. There are: ${known}.`)));
  }
  if (!built.has(name)) built.set(name, getDb().then((db) => buildDocument(db, reference, API_ROUTES)));
  let document: Record<string, unknown>;
  try {
    document = await built.get(name)!;
  } catch (error) {
    // Built again next time; the caller gets the JSON envelope, never Next's HTML error page.
    built.delete(name);
    logError(`API reference ${name} could not be built`, error);
    return jsonResponse(defaultDialect().api.renderError(new AppError("internal_error", "The API reference could not be built. Please try again.")));
  }
  return Response.json(document, { headers: { "cache-control": "public, max-age=300", "access-control-allow-origin": "*" } });
}

export const { POST, PUT, PATCH, DELETE } = otherMethods(defaultDialect().api, { GET });
