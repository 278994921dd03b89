import { and, eq, sql } from "drizzle-orm";
import { refunds, type Refund } from "@/db/schema";
import type { Db } from "@/db/client";
import { fromRow } from "@/db/from-row";
import { queryRows } from "@/db/rows";
import { newestFirstPage, type Page, type PageQuery } from "@/lib/pagination/keyset";
import { getOwned } from "@/db/get-owned";

/** This merchant's refunds across its payments (or of one payment), newest first. */
export async function listMerchantRefunds(db: Db, merchantId: string, query: PageQuery & { intentId?: string }): Promise<Page<Refund>> {
  const page = await newestFirstPage(db, refunds, merchantId, query, "refund");
  const condition = and(eq(refunds.merchantId, merchantId), query.intentId ? eq(refunds.intentId, query.intentId) : undefined, page.condition);
  const rows = await queryRows<Record<string, unknown>>(db, sql`select * from ${refunds} where ${condition} ${page.orderBy}`);
  return page.finish(rows.map((row) => fromRow(refunds, row)));
}

/** One of this merchant's refunds; another merchant's id is a 404, exactly like an unknown one. */
export async function getRefund(db: Db, merchantId: string, refundId: string): Promise<Refund> {
  return getOwned(db, refunds, { merchantId, id: refundId }, "refund");
}
