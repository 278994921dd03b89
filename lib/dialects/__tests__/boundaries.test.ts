import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "@/lib/testing/api-routes";
import { registeredDialects } from "../registry";

/**
 * A dialect is its folder under lib/dialects and a line in the registry. Everything else asks the
 * registry (DialectDefinition) instead of naming one. Allowed to name them: the dialects' own folders,
 * route files (each is one dialect's HTTP entry point), tests and test helpers, migrations, which
 * are history, and acquirer adapters (lib/checkout/processors/<acquirer>): an acquirer is not a
 * dialect, though one may share a name with one (Stripe is both), and it has its own registry.
 */
function coreFiles(): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      const relative = path.relative(REPO_ROOT, full);
      if (entry.isDirectory()) {
        if (["__tests__", "node_modules", "migrations"].includes(entry.name) || ["lib/dialects", "lib/testing"].includes(relative) || /^lib\/checkout\/processors\/[^/]+$/.test(relative)) continue;
        walk(full);
      } else if (/\.(ts|tsx|mts)$/.test(entry.name) && entry.name !== "route.ts" && !entry.name.includes(".test.")) {
        found.push(full);
      }
    }
  };
  for (const folder of ["lib", "db", "components", "app"]) walk(path.join(REPO_ROOT, folder));
  return [...found, path.join(REPO_ROOT, "proxy.ts"), path.join(REPO_ROOT, "instrumentation.ts")];
}

/** Every static import of a module, as the module graph sees it (type-only imports erase at run time). */
function runtimeImports(file: string): string[] {
  const source = fs.readFileSync(file, "utf8");
  const resolved: string[] = [];
  for (const [, specifier] of source.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?\sfrom\s+"([^"]+)"/gms)) {
    const base = specifier!.startsWith("@/") ? path.join(REPO_ROOT, specifier!.slice(2)) : specifier!.startsWith(".") ? path.resolve(path.dirname(file), specifier!) : null;
    if (!base) continue;
    const candidate = [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")].find((option) => fs.existsSync(option) && fs.statSync(option).isFile());
    if (candidate) resolved.push(candidate);
  }
  return resolved;
}

describe("the dialect boundary", () => {
  it("no file outside lib/dialects names a dialect (route files, tests and migrations aside)", () => {
    const names = registeredDialects().map((definition) => definition.name);
    const naming = new RegExp(`(["'\`])(${names.join("|")})\\1|dialects/(${names.join("|")})\\b`);
    const offenders = coreFiles().flatMap((file) =>
      fs
        .readFileSync(file, "utf8")
        .split("\n")
        .flatMap((line, index) => (naming.test(line) ? [`${path.relative(REPO_ROOT, file)}:${index + 1}: ${line.trim()}`] : [])),
    );
    expect(offenders).toEqual([]);
  });

  it("the registry is in no import circle: the core may ask it, and the dialects use the core", () => {
    const registry = path.join(REPO_ROOT, "lib/dialects/registry.ts");
    const seen = new Map<string, string | null>([[registry, null]]);
    const queue = [registry];
    while (queue.length > 0) {
      const file = queue.shift()!;
      for (const next of runtimeImports(file)) {
        if (next === registry) {
          const chain = [next];
          for (let at: string | null = file; at; at = seen.get(at) ?? null) chain.unshift(at);
          expect.fail(`import circle: ${chain.map((entry) => path.relative(REPO_ROOT, entry)).join(" → ")}`);
        }
        if (!seen.has(next)) {
          seen.set(next, file);
          queue.push(next);
        }
      }
    }
    expect(seen.size).toBeGreaterThan(20);
  });
});
