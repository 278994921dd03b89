import type { Dialect } from "@/db/schema";
import type { DialectDefinition } from "./definition";
import { gateway } from "./gateway";
import { mint } from "./mint";
import { mintro } from "./mintro";
import { mutopay } from "./mutopay";
import { native } from "./native";
import { shop } from "./shop";

/** Every dialect Kassa speaks. A new one is a folder under lib/dialects and a line here. */
const DIALECTS: readonly DialectDefinition[] = [native, mint, mintro, shop, mutopay, gateway];

const BY_NAME = new Map(DIALECTS.map((definition) => [definition.name, definition]));

export function dialectDefinition(name: Dialect): DialectDefinition {
  const definition = BY_NAME.get(name);
  if (!definition) throw new Error(`No dialect is registered as ${name}`);
  return definition;
}

/** The dialect that owns a path: the longest of their prefixes that the path falls under, segment by segment. */
export function dialectForPath(pathname: string): DialectDefinition | null {
  let best: { definition: DialectDefinition; length: number } | null = null;
  for (const definition of DIALECTS) {
    for (const prefix of definition.pathPrefixes) {
      const under = pathname === prefix || pathname.startsWith(`${prefix}/`);
      if (under && prefix.length > (best?.length ?? -1)) best = { definition, length: prefix.length };
    }
  }
  return best?.definition ?? null;
}

export function registeredDialects(): readonly DialectDefinition[] {
  return DIALECTS;
}
