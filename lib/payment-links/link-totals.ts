import { and, eq, sql } from "drizzle-orm";
import { paymentIntents } from "@/db/schema";
import type { Db } from "@/db/client";
import { ownedBy, type Owner } from "@/db/owner";

export type LinkTotals = { opened: number; paid: number; volumes: { currency: string; captured: number; refunded: number; net: number }[] };

/** How a link has done: checkouts opened, payments made, and money taken per currency. */
export async function linkTotals(db: Db, owner: Owner, linkId: string): Promise<LinkTotals> {
  const rows = await db
    .select({
      currency: paymentIntents.currency,
      opened: sql<number>`count(*)::int`,
      paid: sql<number>`(count(*) filter (where ${paymentIntents.status} in ('succeeded', 'authorized')))::int`,
      captured: sql<number>`coalesce(sum(${paymentIntents.amountCaptured}), 0)::bigint`,
      refunded: sql<number>`coalesce(sum(${paymentIntents.amountRefunded}), 0)::bigint`,
    })
    .from(paymentIntents)
    .where(and(ownedBy(paymentIntents, owner), eq(paymentIntents.paymentLinkId, linkId)))
    .groupBy(paymentIntents.currency);
  return {
    opened: rows.reduce((sum, row) => sum + Number(row.opened), 0),
    paid: rows.reduce((sum, row) => sum + Number(row.paid), 0),
    volumes: rows
      .filter((row) => Number(row.captured) > 0)
      .map((row) => ({ currency: row.currency, captured: Number(row.captured), refunded: Number(row.refunded), net: Number(row.captured) - Number(row.refunded) })),
  };
}
