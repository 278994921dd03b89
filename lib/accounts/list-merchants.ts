import { asc, eq } from "drizzle-orm";
import { memberships, merchants } from "@/db/schema";
import type { Db } from "@/db/client";
import type { MerchantAccess } from "./get-membership";

export async function listMerchantsForUser(db: Db, userId: string): Promise<MerchantAccess[]> {
  return db
    .select({ merchant: merchants, role: memberships.role })
    .from(memberships)
    .innerJoin(merchants, eq(merchants.id, memberships.merchantId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(merchants.createdAt));
}
