import { AppError } from "@/lib/errors/app-error";

/**
 * The expansions a request asked for, of those the object offers (`data.` in front for a list).
 * Anything else is refused, as Stripe refuses it, so nobody reads an id where they expected an object.
 */
export function expansions<K extends string>(asked: string[] | undefined, offered: readonly K[], { list = false } = {}): Set<K> {
  const chosen = new Set<K>();
  for (const path of asked ?? []) {
    const name = list && path.startsWith("data.") ? path.slice(5) : path;
    if (!offered.includes(name as K)) throw new AppError("parameter_invalid", `This property cannot be expanded (${path}).`, { param: "expand" });
    chosen.add(name as K);
  }
  return chosen;
}
