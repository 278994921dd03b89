import { afterAll } from "vitest";
import { closeDatabase } from "@/db/client";

// No DATABASE_URL: each test file gets its own in-memory PGlite. With it: the shared PostgreSQL,
// where every test isolates itself by creating its own merchant.
if (!process.env.DATABASE_URL) process.env.KASSA_DATA_DIR = "memory://";
process.env.KASSA_PUBLIC_URL = "http://kassa.test";
process.env.AUTH_SECRET ??= "test-secret-for-vitest-only-0123456789";

afterAll(async () => {
  await closeDatabase();
});
