import { headerOverflowResponse } from "@/lib/http/header-overflow";
import { REQUEST_ID_HEADER } from "@/lib/http/route-pattern";

export const dynamic = "force-dynamic";

/**
 * Where scripts/start.mjs sends a request whose headers are too large, with the path it asked for:
 * the answer is only that error, in the envelope of the dialect that owns the path.
 */
export async function GET(request: Request): Promise<Response> {
  return headerOverflowResponse(new URL(request.url).searchParams.get("path") ?? "/", request.headers.get(REQUEST_ID_HEADER) ?? undefined);
}
