import { memberships, merchants, type Merchant } from "@/db/schema";
import type { Db } from "@/db/client";
import { defaultCheckout } from "./checkouts";

export type CreateMerchantInput = { name: string };

/** Creates a merchant with the user as its owner and its default checkout, in one transaction. */
export async function createMerchant(db: Db, userId: string, input: CreateMerchantInput): Promise<Merchant> {
  return db.transaction(async (tx) => {
    const [merchant] = await tx.insert(merchants).values({ name: input.name.trim() }).returning();
    await tx.insert(memberships).values({ userId, merchantId: merchant!.id, role: "owner" });
    await defaultCheckout(tx, merchant!.id);
    return merchant!;
  });
}
