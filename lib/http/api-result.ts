/** What a handler answers: a status and a JSON body, rendered by the route wrapper. */
export type ApiResult = { status: number; body: unknown; headers?: Record<string, string> };

export const ok = (body: unknown): ApiResult => ({ status: 200, body });
export const created = (body: unknown): ApiResult => ({ status: 201, body });

export function jsonResponse(result: ApiResult, extraHeaders: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(result.body), {
    status: result.status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...result.headers, ...extraHeaders },
  });
}
