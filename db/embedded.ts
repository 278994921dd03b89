import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { IN_MEMORY, migrationsFolder } from "./config";
import { queryLogger } from "./query-log";
import * as schema from "./schema";
import type { DatabaseHandle, Db } from "./types";

/** Opens PGlite in `dataDir` (or in memory), after taking the folder's lock, and migrates it. */
export async function openEmbedded(dataDir: string): Promise<DatabaseHandle> {
  const inMemory = dataDir === IN_MEMORY;
  const releaseLock = inMemory ? () => {} : lockDataDir(dataDir);
  try {
    const extensions = { pg_trgm };
    const client = inMemory
      ? new PGlite({ loadDataDir: templateDump(), extensions })
      : new PGlite({ dataDir: path.join(dataDir, "pgdata"), extensions });
    const db = drizzle({ client, schema, logger: queryLogger() });
    await migrate(db, { migrationsFolder: migrationsFolder() });
    return {
      db: db as unknown as Db,
      kind: "embedded",
      close: async () => {
        await client.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

/**
 * An in-memory database may start as a copy of a migrated one (KASSA_EMBEDDED_TEMPLATE, a tarball
 * from PGlite's dumpDataDir): the tests do, so no test file pays for the migrations again.
 */
function templateDump(): Blob | undefined {
  const file = process.env.KASSA_EMBEDDED_TEMPLATE;
  return file ? new Blob([fs.readFileSync(file)]) : undefined;
}

/**
 * Two PGlite instances on one folder corrupt it silently, so only one process may hold it.
 * The lock file names its owner; a lock left by a dead process is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, "kassa.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: "wx" });
      const release = () => {
        try {
          if (fs.readFileSync(lockPath, "utf8") === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(fs.readFileSync(lockPath, "utf8"));
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new DataDirLockedError(
          `The embedded database in ${dataDir} is in use by another Kassa process (pid ${owner}). ` +
            `Stop it, or point KASSA_DATA_DIR at another folder, or set DATABASE_URL.`,
        );
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock the embedded database in ${dataDir}.`);
}

/** Another live process holds the folder: a reason to refuse to start, not a bug to trace. */
export class DataDirLockedError extends Error {
  override name = "DataDirLockedError";
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
