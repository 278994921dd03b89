/** Response headers the app sets for scripts/start.mjs's log line and metrics; it strips them before they are sent. */
export const ROUTE_HEADER = "x-kassa-route";
export const MERCHANT_HEADER = "x-kassa-merchant";
export const DIALECT_HEADER = "x-kassa-dialect";
/** The request's id as scripts/start.mjs chose it (from a trusted proxy, or made). */
export const REQUEST_ID_HEADER = "x-kassa-request-id";

/**
 * The route a path was served by, with its parameters as names (/api/v1/payment-intents/{id}), so
 * that logs and metrics are labelled by route and never by an id.
 */
export function routePattern(pathname: string, params: Record<string, string | string[] | undefined> | undefined): string {
  const names = new Map<string, string>();
  for (const [name, value] of Object.entries(params ?? {})) if (typeof value === "string" && value !== "") names.set(value, name);
  return pathname
    .split("/")
    .map((segment) => {
      let decoded = segment;
      try {
        decoded = decodeURIComponent(segment);
      } catch {
        // Not decodable: not a parameter value either.
      }
      const name = names.get(decoded);
      return name ? `{${name}}` : segment;
    })
    .join("/");
}
