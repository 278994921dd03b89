const BASE = "http://kassa.invalid";

/**
 * Where to go after signing in: a path on this site only. Resolved as a URL against a stand-in
 * origin, the way a browser would, so "//evil", "/\evil" and "/<tab>/evil" all fail the origin check.
 */
export function safeCallback(value: string | string[] | undefined, fallback = "/dashboard"): string {
  const path = typeof value === "string" ? value : "";
  if (!path.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(path)) return fallback;
  try {
    const url = new URL(path, BASE);
    return url.origin === BASE ? `${url.pathname}${url.search}${url.hash}` : fallback;
  } catch {
    return fallback;
  }
}
