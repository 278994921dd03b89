import { paymentLinks, type PaymentLink } from "@/db/schema";
import type { Db } from "@/db/client";
import { getOwned } from "@/db/get-owned";
import { type Owner } from "@/db/owner";

/** One of the merchant's payment links, or not_found (another merchant's link is not found either). */
export async function getPaymentLink(db: Db, owner: Owner, id: string): Promise<PaymentLink> {
  return getOwned(db, paymentLinks, owner, id, "payment_link");
}
