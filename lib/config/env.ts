import fs from "node:fs";
import path from "node:path";
import { hkdfSync, randomBytes } from "node:crypto";
import { dataDir, IN_MEMORY } from "@/db/config";

export function port(): number {
  return Number(process.env.PORT || 3000);
}

/** Base of every checkout_url and payment_url Kassa hands out. */
export function publicUrl(): string {
  return (process.env.KASSA_PUBLIC_URL || `http://localhost:${port()}`).replace(/\/+$/, "");
}

const holder = globalThis as typeof globalThis & { __kassaAuthSecret?: string };

/**
 * AUTH_SECRET signs sessions and access tokens and keys card fingerprints. When unset, one is
 * generated once and kept in the data folder, so restarts keep everyone signed in.
 */
export function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  holder.__kassaAuthSecret ??= loadOrCreateSecret();
  return holder.__kassaAuthSecret;
}

function loadOrCreateSecret(): string {
  const folder = dataDir();
  if (folder === IN_MEMORY) return randomBytes(32).toString("base64url");
  const file = path.join(folder, "auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(folder, { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    try {
      fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    } catch {
      // Another process of this install wrote it first: use theirs.
      return fs.readFileSync(file, "utf8").trim();
    }
    if (process.env.NODE_ENV === "production") {
      console.warn(
        `[kassa] AUTH_SECRET is not set; generated one in ${file}. ` +
          "Set AUTH_SECRET in production, the same on every instance.",
      );
    }
    return secret;
  }
}

type KeyPurpose = "acquirer-secret" | "api-token" | "card-fingerprint" | "connect-credentials" | "demo-api-key" | "idempotency" | "webhook-secret";
const derived = new Map<string, Buffer>();

/**
 * Derives independent keys for independent uses, so no two features share key material. Each is
 * derived once per secret: HKDF on every payment showed in the profile.
 */
export function derivedKey(purpose: KeyPurpose): Buffer {
  const secret = authSecret();
  const cacheKey = `${purpose}\u0000${secret}`;
  let key = derived.get(cacheKey);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secret, "kassa", purpose, 32));
    derived.set(cacheKey, key);
  }
  return key;
}
