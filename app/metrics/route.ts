import { constantTimeEqual } from "@/lib/crypto/tokens";
import { bearerToken } from "@/lib/http/dialect";
import { metricsRegistry } from "@/lib/observability/metrics";

export const dynamic = "force-dynamic";

const json = (status: number, code: string, message: string, headers: Record<string, string> = {}) =>
  Response.json({ error: { code, message } }, { status, headers: { "cache-control": "no-store", ...headers } });

/**
 * Prometheus metrics, in its text format. Off (404) unless KASSA_METRICS_TOKEN is set; then only
 * for a scraper that sends it as a bearer token, compared in constant time.
 */
export async function GET(request: Request): Promise<Response> {
  const token = process.env.KASSA_METRICS_TOKEN;
  if (!token) return json(404, "not_found", "Metrics are off: set KASSA_METRICS_TOKEN to serve them.");
  const sent = bearerToken(request);
  if (!sent || !constantTimeEqual(sent, token)) return json(401, "unauthenticated", "Send the metrics token as Authorization: Bearer <KASSA_METRICS_TOKEN>.", { "www-authenticate": "Bearer" });
  const registry = metricsRegistry();
  return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType, "cache-control": "no-store" } });
}
