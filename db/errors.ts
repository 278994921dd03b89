/** True when a driver error (PGlite or postgres.js, possibly wrapped by drizzle) broke `constraint`. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let current = error; current; current = (current as { cause?: unknown }).cause) {
    const { code, constraint: name, constraint_name: altName } = current as Record<string, unknown>;
    if (code === "23505" && (name === constraint || altName === constraint)) return true;
  }
  return false;
}
