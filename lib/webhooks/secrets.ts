import { randomBytes } from "node:crypto";
import { seal, unseal } from "@/lib/crypto/sealed";

/** Standard Webhooks secrets: "whsec_" and 24 random bytes in base64, as the standardwebhooks library expects. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

/** The secret must be usable to sign, so it cannot be hashed; it is stored sealed instead. */
export function encryptSecret(secret: string): string {
  return seal(secret, "webhook-secret");
}

export function decryptSecret(stored: string): string {
  return unseal(stored, "webhook-secret");
}
