import { and, eq } from "drizzle-orm";
import { memberships, merchants, type MemberRole, type Merchant } from "@/db/schema";
import type { Db } from "@/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";
import { roleAllows, type Permission } from "./roles";

export type MerchantAccess = { merchant: Merchant; role: MemberRole };

/**
 * The merchant as seen by one of its members, checked for a permission. A user who is not a member
 * gets the same 404 as for a merchant that does not exist, so ids cannot be probed.
 */
export async function getMerchantAccess(
  db: Db,
  userId: string,
  merchantId: string,
  permission: Permission,
): Promise<MerchantAccess> {
  const [row] = await db
    .select({ merchant: merchants, role: memberships.role })
    .from(memberships)
    .innerJoin(merchants, eq(merchants.id, memberships.merchantId))
    .where(and(eq(memberships.userId, userId), eq(memberships.merchantId, merchantId)));
  if (!row) throw notFound("merchant", merchantId, "id");
  if (!roleAllows(row.role, permission)) {
    throw new AppError("forbidden", `Your role (${row.role}) does not allow this action.`);
  }
  return row;
}
