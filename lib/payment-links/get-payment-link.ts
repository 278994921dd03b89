import { and, eq } from "drizzle-orm";
import { paymentLinks, type PaymentLink } from "@/db/schema";
import type { Db } from "@/db/client";
import { notFound } from "@/lib/errors/app-error";

/** One of the merchant's payment links, or not_found (another merchant's link is not found either). */
export async function getPaymentLink(db: Db, merchantId: string, id: string): Promise<PaymentLink> {
  const [link] = await db
    .select()
    .from(paymentLinks)
    .where(and(eq(paymentLinks.merchantId, merchantId), eq(paymentLinks.id, id)));
  if (!link) throw notFound("payment_link", id, "id");
  return link;
}
