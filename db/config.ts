import path from "node:path";

export type DatabaseConfig =
  | { kind: "postgres"; url: string }
  | { kind: "embedded"; dataDir: string | "memory://" };

export const IN_MEMORY = "memory://";

/** The folder for Kassa's local state: the embedded database and a generated AUTH_SECRET. */
export function dataDir(): string {
  const configured = process.env.KASSA_DATA_DIR;
  if (configured === IN_MEMORY) return IN_MEMORY;
  // Absolute, because `output: "standalone"` and tests run from other working directories.
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), configured || ".data");
}

export function databaseConfig(): DatabaseConfig {
  const url = process.env.DATABASE_URL;
  if (url) return { kind: "postgres", url };
  return { kind: "embedded", dataDir: dataDir() };
}

export function migrationsFolder(): string {
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), "db/migrations");
}
