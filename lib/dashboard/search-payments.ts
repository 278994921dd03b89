import { and, desc, asc, eq, gte, ilike, lt, gt, or, sql, type SQL } from "drizzle-orm";
import { paymentIntents, type Dialect, type IntentStatus, type PaymentIntent } from "@/db/schema";
import type { Db } from "@/db/client";
import { expireDueIntents } from "@/lib/intents/expire-intent";

export type PaymentSearch = {
  status?: IntentStatus;
  dialect?: Dialect;
  /** Inclusive days, YYYY-MM-DD, in UTC. */
  from?: string;
  to?: string;
  /** An intent id, or part of a reference or customer email. */
  q?: string;
  after?: string;
  before?: string;
  limit?: number;
};

export type PaymentResults = { payments: PaymentIntent[]; hasNewer: boolean; hasOlder: boolean };

/** The payments list: newest first, filtered and searched, paged by cursor in both directions. */
export async function searchPayments(db: Db, merchantId: string, search: PaymentSearch): Promise<PaymentResults> {
  await expireDueIntents(db, merchantId);
  const limit = search.limit ?? 25;
  const filters: (SQL | undefined)[] = [eq(paymentIntents.merchantId, merchantId)];
  if (search.status) filters.push(eq(paymentIntents.status, search.status));
  if (search.dialect) filters.push(eq(paymentIntents.dialect, search.dialect));
  if (search.from) filters.push(gte(paymentIntents.createdAt, sql`${search.from}::date`));
  if (search.to) filters.push(lt(paymentIntents.createdAt, sql`${search.to}::date + interval '1 day'`));
  if (search.q) {
    const pattern = `%${search.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    filters.push(or(eq(paymentIntents.id, search.q), ilike(paymentIntents.referenceId, pattern), ilike(paymentIntents.customerEmail, pattern)));
  }
  const cursorId = search.before ?? search.after;
  if (cursorId) {
    const [cursor] = await db
      .select({ createdAt: paymentIntents.createdAt, id: paymentIntents.id })
      .from(paymentIntents)
      .where(and(eq(paymentIntents.id, cursorId), eq(paymentIntents.merchantId, merchantId)));
    if (cursor) {
      const older = or(lt(paymentIntents.createdAt, cursor.createdAt), and(eq(paymentIntents.createdAt, cursor.createdAt), lt(paymentIntents.id, cursor.id)));
      const newer = or(gt(paymentIntents.createdAt, cursor.createdAt), and(eq(paymentIntents.createdAt, cursor.createdAt), gt(paymentIntents.id, cursor.id)));
      filters.push(search.before ? newer : older);
    }
  }
  const goingBack = Boolean(search.before);
  const rows = await db
    .select()
    .from(paymentIntents)
    .where(and(...filters))
    .orderBy(...(goingBack ? [asc(paymentIntents.createdAt), asc(paymentIntents.id)] : [desc(paymentIntents.createdAt), desc(paymentIntents.id)]))
    .limit(limit + 1);
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  if (goingBack) page.reverse();
  return {
    payments: page,
    hasOlder: goingBack ? true : more,
    hasNewer: goingBack ? more : Boolean(search.after),
  };
}
