import { and, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { paymentIntents, stablecoinTransfers, type Dialect, type PaymentIntent } from "@/db/schema";
import type { Db } from "@/db/client";
import { expireIfDue } from "@/lib/intents/expire-intent";
import { paymentStatusIs, type PaymentStatus } from "./payment-status";
import { andModeOf, merchantOf, ownedBy, type Owner } from "@/db/owner";

export type PaymentSearch = {
  status?: PaymentStatus;
  dialect?: Dialect;
  /** Inclusive days, YYYY-MM-DD, in UTC. */
  from?: string;
  to?: string;
  /** An intent id, or (three characters or more) part of a reference or customer email. */
  q?: string;
  /** A payment link's id: only the payments made through it. */
  link?: string;
  after?: string;
  before?: string;
  limit?: number;
};

export type PaymentResults = { payments: PaymentIntent[]; hasNewer: boolean; hasOlder: boolean };

/** Shorter than this, a search matches an intent id only: a part that short would match most rows, and no index can find it. */
export const MIN_PARTIAL_SEARCH = 3;

/**
 * The payments list: newest first, filtered and searched, paged by cursor in both directions. Every
 * filter has an index behind it (merchant and date; merchant, status or dialect, and date; trigrams
 * for parts of references and emails), so it answers as fast with a million payments as with ten.
 */
export async function searchPayments(db: Db, owner: Owner, search: PaymentSearch): Promise<PaymentResults> {
  const limit = search.limit ?? 25;
  const filters: (SQL | undefined)[] = [ownedBy(paymentIntents, owner), paymentStatusIs(search.status)];
  if (search.dialect) filters.push(eq(paymentIntents.dialect, search.dialect));
  if (search.link) filters.push(eq(paymentIntents.paymentLinkId, search.link));
  if (search.from) filters.push(sql`${paymentIntents.createdAt} >= ${search.from}::date`);
  if (search.to) filters.push(sql`${paymentIntents.createdAt} < ${search.to}::date + interval '1 day'`);
  if (search.q) filters.push(matching(search.q));
  const goingBack = Boolean(search.before);
  const cursorId = search.before ?? search.after;
  // The cursor compared in SQL, so intents created in the same millisecond are neither skipped nor repeated.
  if (cursorId) {
    const cursor = sql`(select c.created_at, c.id from ${paymentIntents} c where c.id = ${cursorId} and c.merchant_id = ${merchantOf(owner)} ${andModeOf(owner, "c")})`;
    filters.push(goingBack ? sql`(${paymentIntents.createdAt}, ${paymentIntents.id}) > ${cursor}` : sql`(${paymentIntents.createdAt}, ${paymentIntents.id}) < ${cursor}`);
  }
  const rows = await db
    .select()
    .from(paymentIntents)
    .where(and(...filters))
    .orderBy(...(goingBack ? [sql`${paymentIntents.createdAt} asc`, sql`${paymentIntents.id} asc`] : [sql`${paymentIntents.createdAt} desc`, sql`${paymentIntents.id} desc`]))
    .limit(limit + 1);
  const more = rows.length > limit;
  const page = await Promise.all(rows.slice(0, limit).map((intent) => expireIfDue(db, intent)));
  if (goingBack) page.reverse();
  return {
    payments: page,
    hasOlder: goingBack ? true : more,
    hasNewer: goingBack ? more : Boolean(search.after),
  };
}

/** A transaction hash: 0x and 64 hex digits, as wallets and block explorers show it. */
const TRANSACTION = /^0x[0-9a-f]{64}$/i;

function matching(q: string): SQL | undefined {
  if (q.length < MIN_PARTIAL_SEARCH) return eq(paymentIntents.id, q);
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return or(
    eq(paymentIntents.id, q),
    ilike(paymentIntents.referenceId, pattern),
    ilike(paymentIntents.customerEmail, pattern),
    // Any transfer the payment received, not only the one it names: a top-up's or a late one's too.
    // Hashes are kept in lower case (chain-reader.ts).
    TRANSACTION.test(q) ? sql`${paymentIntents.id} in (select ${stablecoinTransfers.intentId} from ${stablecoinTransfers} where ${stablecoinTransfers.txHash} = ${q.toLowerCase()})` : undefined,
  );
}
