import fs from "node:fs";
import path from "node:path";

export const REPO_ROOT = path.resolve(import.meta.dirname, "../..");

export type ApiRouteFile = { file: string; template: string };

/**
 * Every route file that answers API requests, with its URL template: under app/api and app/v1, and
 * those a dialect serves from its own folder (lib/dialects/<name>/routes, laid out as app/ is).
 */
export function apiRouteFiles(): ApiRouteFile[] {
  const found: ApiRouteFile[] = [];
  const walk = (folder: string, root: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory() && entry.name !== "__tests__") walk(full, root);
      else if (entry.name === "route.ts") found.push({ file: full, template: `/${path.relative(root, folder)}` });
    }
  };
  walk(path.join(REPO_ROOT, "app/api"), path.join(REPO_ROOT, "app"));
  walk(path.join(REPO_ROOT, "app/v1"), path.join(REPO_ROOT, "app"));
  const dialects = path.join(REPO_ROOT, "lib/dialects");
  for (const dialect of fs.readdirSync(dialects)) {
    const routes = path.join(dialects, dialect, "routes");
    if (fs.existsSync(routes)) walk(routes, routes);
  }
  return found.sort((a, b) => a.template.localeCompare(b.template));
}

/** The methods a route file handles itself, as opposed to the 405s otherMethods gives it. */
export function handledMethods(file: string): string[] {
  const source = fs.readFileSync(file, "utf8");
  return ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((method) =>
    new RegExp(`export (const|async function) ${method}\\b|as ${method}\\b`, "m").test(source),
  );
}
