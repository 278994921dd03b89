import { eq } from "drizzle-orm";
import { merchants, paymentLinks, type Merchant, type PaymentLink } from "@/db/schema";
import type { Db } from "@/db/client";

export type PublicPaymentLink = { link: PaymentLink; merchant: Pick<Merchant, "id" | "name" | "displayName" | "brandColor" | "status" | "minimumAmounts"> };

/** A link by its public slug, with what its page shows of the merchant; null when there is none. */
export async function findLinkBySlug(db: Db, slug: string): Promise<PublicPaymentLink | null> {
  const [row] = await db
    .select({
      link: paymentLinks,
      merchant: {
        id: merchants.id,
        name: merchants.name,
        displayName: merchants.displayName,
        brandColor: merchants.brandColor,
        status: merchants.status,
        minimumAmounts: merchants.minimumAmounts,
      },
    })
    .from(paymentLinks)
    .innerJoin(merchants, eq(merchants.id, paymentLinks.merchantId))
    .where(eq(paymentLinks.slug, slug));
  return row ?? null;
}
