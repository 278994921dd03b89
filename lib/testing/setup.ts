import { randomBytes } from "node:crypto";
import { afterAll, inject } from "vitest";
import { closeDatabase } from "@/db/client";
import { withDatabase } from "./global-setup";

// Every test file gets its own database, copied from the one global-setup migrated: a fresh
// PostgreSQL database from the template, or an in-memory PGlite loaded from the dump.
const template = inject("postgresTemplate");
const baseUrl = process.env.DATABASE_URL;
let ownDatabase: string | null = null;
if (baseUrl && template) {
  ownDatabase = `${template}_${randomBytes(4).toString("hex")}`;
  const postgres = (await import("postgres")).default;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${ownDatabase}" template "${template}"`);
  await admin.end({ timeout: 5 });
  process.env.DATABASE_URL = withDatabase(baseUrl, ownDatabase);
} else {
  delete process.env.DATABASE_URL;
  process.env.KASSA_DATA_DIR = "memory://";
  process.env.KASSA_EMBEDDED_TEMPLATE = inject("embeddedTemplate") ?? "";
}
process.env.KASSA_PUBLIC_URL = "http://kassa.test";
process.env.AUTH_SECRET ??= "test-secret-for-vitest-only-0123456789";
// The cheapest scrypt Kassa allows: the tests check passwords, not the KDF's strength.
process.env.KASSA_PASSWORD_COST ??= "10";

afterAll(async () => {
  await closeDatabase();
  if (baseUrl && ownDatabase) {
    const postgres = (await import("postgres")).default;
    const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists "${ownDatabase}" with (force)`);
    await admin.end({ timeout: 5 });
  }
});
