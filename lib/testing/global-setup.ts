import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";

/**
 * Migrates one database before any test file runs, for every file to start from a copy of: on
 * PostgreSQL a template database (each file creates its own from it), on the embedded database a
 * dump of a migrated PGlite (each file loads it into memory). No file sees another's rows, and no
 * file pays for the migrations again.
 */
export default async function setup(project: TestProject) {
  // The checkout page links its own script and stylesheet; tests that render it need them built.
  // @ts-expect-error -- a plain .mjs build script, without types
  await (await import("../../scripts/build-checkout-assets.mjs")).buildCheckoutAssets();
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `${new URL(url).pathname.slice(1) || "kassa"}_tpl_${randomBytes(4).toString("hex")}`;
    const postgres = (await import("postgres")).default;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    const { openPostgres } = await import("@/db/postgres");
    const handle = await openPostgres(withDatabase(url, name));
    await handle.close();
    project.provide("postgresTemplate", name);
    return async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end({ timeout: 5 });
    };
  }
  const { openEmbedded } = await import("@/db/embedded");
  const handle = await openEmbedded("memory://");
  const dump = await (handle.db as unknown as { $client: { dumpDataDir(compression: "none"): Promise<Blob> } }).$client.dumpDataDir("none");
  const file = path.join(os.tmpdir(), `kassa-vitest-${process.pid}-${randomBytes(4).toString("hex")}.tar`);
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  project.provide("embeddedTemplate", file);
  return () => fs.rmSync(file, { force: true });
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

declare module "vitest" {
  export interface ProvidedContext {
    postgresTemplate?: string;
    embeddedTemplate?: string;
  }
}
