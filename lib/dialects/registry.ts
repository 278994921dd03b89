import type { Dialect } from "@/db/schema";
import type { RouteModule } from "@/lib/openapi/build-document";
import type { DialectDefinition } from "./definition";
import { gateway } from "./gateway";
import { mint } from "./mint";
import { mintro } from "./mintro";
import { mutopay } from "./mutopay";
import { native } from "./native";
import { shop } from "./shop";
import { stripe } from "./stripe";

/** Every dialect Kassa speaks. A new one is a folder under lib/dialects and a line here. */
const DIALECTS: readonly DialectDefinition[] = [native, mint, mintro, shop, mutopay, gateway, stripe];

const BY_NAME = new Map(DIALECTS.map((definition) => [definition.name, definition]));
const DEFAULTS = DIALECTS.filter((definition) => definition.isDefault);
if (DEFAULTS.length !== 1) throw new Error(`Exactly one dialect must be the default; ${DEFAULTS.length} are`);

export function dialectDefinition(name: Dialect): DialectDefinition {
  const definition = BY_NAME.get(name);
  if (!definition) throw new Error(`No dialect is registered as ${name}`);
  return definition;
}

/** Kassa's own API (see DialectDefinition.isDefault). */
export function defaultDialect(): DialectDefinition {
  return DEFAULTS[0]!;
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

let loadedRoutes: Promise<RouteModule[]> | null = null;

/** Every route a dialect serves from its own folder (DialectDefinition.routes), loaded once. */
export function dialectRoutes(): Promise<RouteModule[]> {
  loadedRoutes ??= Promise.all(DIALECTS.map((definition) => definition.routes?.() ?? [])).then(
    (tables) => tables.flat(),
    (error: unknown) => {
      loadedRoutes = null;
      throw error;
    },
  );
  return loadedRoutes;
}
