import { and, eq } from "drizzle-orm";
import { apiKeys, memberships, merchants, users, type Merchant } from "@/db/schema";
import type { Db } from "@/db/client";
import { derivedKey } from "@/lib/config/env";
import { hmacHex } from "@/lib/crypto/tokens";
import { hashSecretKey, SECRET_KEY_PREFIX } from "./api-keys";
import { createApiKey } from "./create-api-key";
import { createMerchant } from "./create-merchant";
import { registerUser } from "./register-user";
import { updateMerchant } from "./update-merchant";

export const DEMO_EMAIL = "demo@kassa.local";

export function demoEnabled(): boolean {
  return !["0", "off", "false"].includes((process.env.KASSA_DEMO ?? "").toLowerCase());
}

/**
 * The demo login and key, derived from AUTH_SECRET: stable across restarts and printable at every
 * start-up, although the database keeps only their hashes.
 */
export function demoCredentials(): { email: string; password: string; secretKey: string } {
  const key = derivedKey("demo-api-key");
  return {
    email: DEMO_EMAIL,
    password: `kassa-${toBase62(hmacHex(key, "password")).slice(0, 16)}`,
    secretKey: SECRET_KEY_PREFIX + toBase62(hmacHex(key, "secret-key")).slice(0, 32),
  };
}

function toBase62(hex: string): string {
  const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  let out = "";
  for (let i = 0; i + 2 <= hex.length; i += 2) out += alphabet[parseInt(hex.slice(i, i + 2), 16) % 62];
  return out;
}

export async function findDemoMerchant(db: Db): Promise<Merchant | null> {
  const [row] = await db
    .select({ merchant: merchants })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.role, "owner")))
    .innerJoin(merchants, eq(merchants.id, memberships.merchantId))
    .where(eq(users.email, DEMO_EMAIL))
    .orderBy(merchants.createdAt)
    .limit(1);
  return row?.merchant ?? null;
}

/** Creates the demo user, merchant and key on first start; afterwards finds them. */
export async function ensureDemoMerchant(db: Db, publicOrigin: string): Promise<{ merchant: Merchant; keyActive: boolean }> {
  const credentials = demoCredentials();
  const merchant =
    (await findDemoMerchant(db)) ??
    (await db.transaction(async (tx) => {
      const user = await registerUser(tx, { email: DEMO_EMAIL, password: credentials.password, name: "Demo Owner" });
      const created = await createMerchant(tx, user.id, { name: "Kassa Demo Store" });
      await createApiKey(tx, created.id, { label: "Demo key" }, credentials.secretKey);
      return updateMerchant(tx, created.id, {
        displayName: "Northwind Coffee Roasters",
        brandColor: "#0f766e",
        allowedOrigins: [publicOrigin],
      });
    }));
  const [key] = await db.select().from(apiKeys).where(eq(apiKeys.secretHash, hashSecretKey(credentials.secretKey)));
  return { merchant, keyActive: Boolean(key && !key.revokedAt) };
}
