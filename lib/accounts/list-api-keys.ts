import { desc, eq } from "drizzle-orm";
import { apiKeys, type ApiKey } from "@/db/schema";
import type { Db } from "@/db/client";

export async function listApiKeys(db: Db, merchantId: string): Promise<ApiKey[]> {
  return db.select().from(apiKeys).where(eq(apiKeys.merchantId, merchantId)).orderBy(desc(apiKeys.createdAt));
}
