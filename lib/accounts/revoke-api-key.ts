import { and, eq, sql } from "drizzle-orm";
import { apiKeys, type ApiKey } from "@/db/schema";
import type { Db } from "@/db/client";
import { notFound } from "@/lib/errors/app-error";
import { forgetMerchantPrincipals } from "./principal-cache";

/** Revokes a key of this merchant; revoking twice keeps the first revocation time. */
export async function revokeApiKey(db: Db, merchantId: string, keyId: string): Promise<ApiKey> {
  const [key] = await db
    .update(apiKeys)
    .set({ revokedAt: sql`coalesce(${apiKeys.revokedAt}, now())` })
    .where(and(eq(apiKeys.id, keyId), eq(apiKeys.merchantId, merchantId)))
    .returning();
  if (!key) throw notFound("API key", keyId, "key_id");
  forgetMerchantPrincipals(merchantId);
  return key;
}
