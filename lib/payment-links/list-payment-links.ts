import { and, desc, eq, sql } from "drizzle-orm";
import { paymentLinks, type PaymentLink } from "@/db/schema";
import type { Db } from "@/db/client";
import { andModeOf, merchantOf, ownedBy, type Owner } from "@/db/owner";

export type PaymentLinkPage = { links: PaymentLink[]; hasMore: boolean };

/** The merchant's payment links, newest first, a page at a time after `startingAfter`. */
export async function listPaymentLinks(
  db: Db,
  owner: Owner,
  options: { limit: number; startingAfter?: string; active?: boolean },
): Promise<PaymentLinkPage> {
  const cursor = options.startingAfter
    ? sql`(${paymentLinks.createdAt}, ${paymentLinks.id}) < (select created_at, id from ${paymentLinks} where id = ${options.startingAfter} and merchant_id = ${merchantOf(owner)} ${andModeOf(owner)})`
    : undefined;
  const rows = await db
    .select()
    .from(paymentLinks)
    .where(and(ownedBy(paymentLinks, owner), options.active === undefined ? undefined : eq(paymentLinks.active, options.active), cursor))
    .orderBy(desc(paymentLinks.createdAt), desc(paymentLinks.id))
    .limit(options.limit + 1);
  return { links: rows.slice(0, options.limit), hasMore: rows.length > options.limit };
}
