/** Unix seconds, as Stripe gives every time. */
export const unix = (date: Date | null | undefined): number | null => (date ? Math.floor(date.getTime() / 1000) : null);

/** Stripe's metadata values are strings, whatever Kassa's other dialects stored. */
export function stringValues(metadata: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(metadata).map(([key, value]) => [key, typeof value === "string" ? value : JSON.stringify(value)]));
}

/** A Stripe list: `{object: "list", data, has_more, url}`. */
export const list = <T>(url: string, data: T[], hasMore: boolean) => ({ object: "list" as const, data, has_more: hasMore, url });
