import { randomBase62, sha256Hex } from "@/lib/crypto/tokens";
import type { Mode } from "@/db/schema";

/** What a key's secret starts with, by its mode: sk_test_ for test money, sk_live_ for real money. */
export const SECRET_KEY_PREFIXES: Record<Mode, string> = { test: "sk_test_", live: "sk_live_" };
export const CLIENT_ID_PREFIXES: Record<Mode, string> = { test: "ck_test_", live: "ck_live_" };
/** The test prefix, as every key had before live mode. */
export const SECRET_KEY_PREFIX = SECRET_KEY_PREFIXES.test;

export type KeyMaterial = { clientId: string; secretKey: string; secretHash: string; secretHint: string };

/**
 * A fresh key pair, its mode in both halves (mintro's client id too). The secret has 190 bits of
 * entropy, so a plain SHA-256 is a safe way to store it.
 */
export function generateKeyMaterial(secret?: string, mode: Mode = "test"): KeyMaterial {
  const secretKey = secret ?? SECRET_KEY_PREFIXES[mode] + randomBase62(32);
  return {
    clientId: CLIENT_ID_PREFIXES[mode] + randomBase62(20),
    secretKey,
    secretHash: hashSecretKey(secretKey),
    secretHint: `${secretKey.slice(0, SECRET_KEY_PREFIXES[mode].length + 4)}…${secretKey.slice(-4)}`,
  };
}

export function hashSecretKey(secret: string): string {
  return sha256Hex(secret);
}
