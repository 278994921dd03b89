import { and, eq, sql, type SQL } from "drizzle-orm";
import { paymentIntents, type Dialect, type IntentStatus } from "@/db/schema";
import type { Db } from "@/db/client";
import { newestFirstPage, type PageQuery } from "@/lib/pagination/keyset";
import type { IntentDetails } from "./intent-details";
import { selectIntentDetails } from "./read-intent-details";
import { statusIs } from "./status-filter";
import { ownedBy, type Owner } from "@/db/owner";

export type ListIntentsQuery = PageQuery & {
  status?: IntentStatus;
  /** Only intents created through this dialect. */
  dialect?: Dialect;
  /** Only intents whose dialect data has this key (what the dialect marks its own kind of intent with). */
  dialectDataKey?: string;
  /** Only intents whose dialect data holds these values. */
  dialectDataMatches?: Record<string, unknown>;
};
export type IntentPage = { intents: IntentDetails[]; hasMore: boolean };

/**
 * Newest first, keyset-paginated on (created_at, id) so pages stay stable while intents arrive, with
 * attempts, in one query. An open intent past its expiry counts as expired in the filter (and is
 * expired on the way out), so the list agrees with what a read of each intent would say without
 * sweeping the merchant's intents first.
 */
export async function listIntents(db: Db, owner: Owner, query: ListIntentsQuery): Promise<IntentPage> {
  const page = await newestFirstPage(db, paymentIntents, owner, query, "payment_intent");
  const conditions: (SQL | undefined)[] = [
    ownedBy(paymentIntents, owner),
    statusIs(query.status),
    query.dialect ? eq(paymentIntents.dialect, query.dialect) : undefined,
    query.dialectDataKey ? sql`${paymentIntents.dialectData} ? ${query.dialectDataKey}` : undefined,
    query.dialectDataMatches ? sql`${paymentIntents.dialectData} @> ${JSON.stringify(query.dialectDataMatches)}::jsonb` : undefined,
    page.condition,
  ];
  const { items, hasMore } = page.finish(await selectIntentDetails(db, and(...conditions), page.orderBy));
  return { intents: items, hasMore };
}
