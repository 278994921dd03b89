import { randomBase62, sha256Hex } from "@/lib/crypto/tokens";

export const SECRET_KEY_PREFIX = "sk_test_";
export const CLIENT_ID_PREFIX = "ck_test_";

export type KeyMaterial = { clientId: string; secretKey: string; secretHash: string; secretHint: string };

/** A fresh key pair. The secret has 190 bits of entropy, so a plain SHA-256 is a safe way to store it. */
export function generateKeyMaterial(secret = SECRET_KEY_PREFIX + randomBase62(32)): KeyMaterial {
  return {
    clientId: CLIENT_ID_PREFIX + randomBase62(20),
    secretKey: secret,
    secretHash: hashSecretKey(secret),
    secretHint: `${secret.slice(0, SECRET_KEY_PREFIX.length + 4)}…${secret.slice(-4)}`,
  };
}

export function hashSecretKey(secret: string): string {
  return sha256Hex(secret);
}
