import { eq } from "drizzle-orm";
import { merchants, paymentIntents } from "@/db/schema";
import type { Db } from "@/db/client";

/**
 * Which sites may frame an intent's checkout: none for a redirect-mode intent, the merchant's
 * allowed origins (and Kassa itself) for an embedded one.
 */
export async function frameAncestors(db: Db, intentId: string): Promise<string[]> {
  const [row] = await db
    .select({ uiMode: paymentIntents.uiMode, allowedOrigins: merchants.allowedOrigins })
    .from(paymentIntents)
    .innerJoin(merchants, eq(merchants.id, paymentIntents.merchantId))
    .where(eq(paymentIntents.id, intentId));
  if (!row || row.uiMode !== "embedded") return [];
  return ["'self'", ...row.allowedOrigins];
}
