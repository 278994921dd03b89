import { sql, type SQL } from "drizzle-orm";

/** A change to a JSON object of strings: keys set, keys removed, or all of it replaced. */
export type JsonPatch = { set: Record<string, unknown>; unset: string[] } | { replace: Record<string, unknown> };

/**
 * The patched value of `current` (an SQL jsonb expression), computed by the database in the UPDATE
 * itself, so two changes made at once to different keys both stand (a read, a merge in JS and a
 * write would lose one of them).
 */
export function patchedJson(current: SQL, patch: JsonPatch): SQL {
  if ("replace" in patch) return sql`${JSON.stringify(patch.replace)}::jsonb`;
  return sql`(coalesce(${current}, '{}'::jsonb) || ${JSON.stringify(patch.set)}::jsonb) - array(select jsonb_array_elements_text(${JSON.stringify(patch.unset)}::jsonb))`;
}
