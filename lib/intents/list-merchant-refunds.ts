import { and, eq, sql } from "drizzle-orm";
import { refunds, type Refund } from "@/db/schema";
import type { Db } from "@/db/client";
import { fromRow } from "@/db/from-row";
import { queryRows } from "@/db/rows";
import { newestFirstPage, type Page, type PageQuery } from "@/lib/pagination/keyset";
import { getOwned } from "@/db/get-owned";
import { merchantOf, ownedBy, type Owner } from "@/db/owner";

/** This merchant's refunds across its payments (or of one payment), newest first. */
export async function listMerchantRefunds(db: Db, owner: Owner, query: PageQuery & { intentId?: string }): Promise<Page<Refund>> {
  const page = await newestFirstPage(db, refunds, owner, query, "refund");
  const condition = and(ownedBy(refunds, owner), query.intentId ? eq(refunds.intentId, query.intentId) : undefined, page.condition);
  const rows = await queryRows<Record<string, unknown>>(db, sql`select * from ${refunds} where ${condition} ${page.orderBy}`);
  return page.finish(rows.map((row) => fromRow(refunds, row)));
}

/** One of this merchant's refunds; another merchant's id is a 404, exactly like an unknown one. */
export async function getRefund(db: Db, owner: Owner, refundId: string): Promise<Refund> {
  return getOwned(db, refunds, owner, refundId, "refund");
}
