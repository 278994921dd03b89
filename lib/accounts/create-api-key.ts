import { apiKeys, type ApiKey, type Mode } from "@/db/schema";
import type { Db } from "@/db/client";
import { generateKeyMaterial } from "./api-keys";

export type CreatedApiKey = { key: ApiKey; secretKey: string };

/** Creates a key of one mode (test unless asked); the secret is returned this once and only its hash is kept. */
export async function createApiKey(
  db: Db,
  merchantId: string,
  input: { label?: string | null; mode?: Mode },
  secret?: string,
): Promise<CreatedApiKey> {
  const mode = input.mode ?? "test";
  const material = generateKeyMaterial(secret, mode);
  const [key] = await db
    .insert(apiKeys)
    .values({
      merchantId,
      label: input.label ?? null,
      mode,
      clientId: material.clientId,
      secretHash: material.secretHash,
      secretHint: material.secretHint,
    })
    .returning();
  return { key: key!, secretKey: material.secretKey };
}
