import { apiKeys, type ApiKey } from "@/db/schema";
import type { Db } from "@/db/client";
import { generateKeyMaterial } from "./api-keys";

export type CreatedApiKey = { key: ApiKey; secretKey: string };

/** Creates a key; the secret is returned this once and only its hash is kept. */
export async function createApiKey(
  db: Db,
  merchantId: string,
  input: { label?: string | null },
  secret?: string,
): Promise<CreatedApiKey> {
  const material = generateKeyMaterial(secret);
  const [key] = await db
    .insert(apiKeys)
    .values({
      merchantId,
      label: input.label ?? null,
      clientId: material.clientId,
      secretHash: material.secretHash,
      secretHint: material.secretHint,
    })
    .returning();
  return { key: key!, secretKey: material.secretKey };
}
