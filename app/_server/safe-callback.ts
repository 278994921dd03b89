/** Where to go after signing in: a path on this site only, never another origin. */
export function safeCallback(value: string | string[] | undefined, fallback = "/dashboard"): string {
  const path = typeof value === "string" ? value : "";
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") ? path : fallback;
}
