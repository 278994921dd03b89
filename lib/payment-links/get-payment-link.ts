import { paymentLinks, type PaymentLink } from "@/db/schema";
import type { Db } from "@/db/client";
import { getOwned } from "@/db/get-owned";

/** One of the merchant's payment links, or not_found (another merchant's link is not found either). */
export async function getPaymentLink(db: Db, merchantId: string, id: string): Promise<PaymentLink> {
  return getOwned(db, paymentLinks, { merchantId, id }, "payment_link");
}
