import { AppError } from "@/lib/errors/app-error";

/** Far more than any real request sends; a body past these is refused before anything is built. */
const MAX_FIELDS = 2_000;
const MAX_DEPTH = 8;
const FORBIDDEN_KEYS = new Set(["__proto__", "prototype", "constructor"]);

export type FormValue = string | { [key: string]: FormValue };

const invalid = (message: string, param?: string) => new AppError("parameter_invalid", message, param ? { param } : {});

/**
 * Stripe's encoding of nested parameters, as its SDKs send them in a form body or a query string:
 * `line_items[0][price_data][unit_amount]=2000`, `metadata[order]=42`, `expand[]=payment_intent` (or
 * `expand[0]=…`). Values stay strings and indexed parts stay object keys: the schemas say what each
 * must be (formArray turns `{"0": …, "1": …}` into a list), since only they know that `metadata[0]`
 * is a key and `line_items[0]` an item.
 */
export function parseStripeParams(params: URLSearchParams): Record<string, FormValue> {
  const root = node();
  const appended = new WeakMap<Node, number>();
  let fields = 0;
  for (const [key, value] of params) {
    if (++fields > MAX_FIELDS) throw invalid(`A request may have at most ${MAX_FIELDS} parameters.`);
    assign(root, keyParts(key), value, key, appended);
  }
  return root;
}

/** `a[b][0]` → ["a", "b", "0"]; `a[]` → ["a", ""] (append). */
function keyParts(key: string): string[] {
  const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
  if (!match) throw invalid(`Invalid parameter name: ${JSON.stringify(key.slice(0, 100))}.`);
  const parts = [match[1]!, ...[...match[2]!.matchAll(/\[([^[\]]*)\]/g)].map((part) => part[1]!)];
  if (parts.length > MAX_DEPTH) throw invalid(`Parameters may nest at most ${MAX_DEPTH} levels deep.`, match[1]);
  if (parts.some((part) => FORBIDDEN_KEYS.has(part))) throw invalid(`Invalid parameter name: ${JSON.stringify(key.slice(0, 100))}.`);
  return parts;
}

type Node = { [key: string]: FormValue };

/**
 * Objects without a prototype: a name such as `toString` or `hasOwnProperty` is then just a name,
 * never an inherited method the parser could walk into and overwrite for the whole process.
 */
const node = (): Node => Object.create(null) as Node;

/** `appended` counts the `[]` items given to each object so far. */
function assign(target: Node, parts: string[], value: string, key: string, appended: WeakMap<Node, number>): void {
  const [head, ...rest] = parts;
  // `a[]` appends: give it the next free index, so `expand[]=x&expand[]=y` is [x, y].
  const next = (appended.get(target) ?? -1) + 1;
  if (head === "") appended.set(target, next);
  const name = head === "" ? String(next) : head!;
  const existing = Object.hasOwn(target, name) ? target[name] : undefined;
  if (rest.length === 0) {
    if (typeof existing === "object") throw invalid(`Parameter ${key} is given both as a value and as an object.`, key);
    target[name] = value;
    return;
  }
  if (typeof existing === "string") throw invalid(`Parameter ${key} is given both as a value and as an object.`, key);
  const child = existing ?? node();
  target[name] = child;
  assign(child, rest, value, key, appended);
}
