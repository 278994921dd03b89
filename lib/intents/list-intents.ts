import { and, eq, sql, type SQL } from "drizzle-orm";
import { paymentIntents, type IntentStatus } from "@/db/schema";
import type { Db } from "@/db/client";
import { afterCursor } from "@/lib/pagination/after-cursor";
import type { IntentDetails } from "./intent-details";
import { selectIntentDetails } from "./read-intent-details";
import { statusIs } from "./status-filter";

export type ListIntentsQuery = { limit: number; startingAfter?: string; status?: IntentStatus };
export type IntentPage = { intents: IntentDetails[]; hasMore: boolean };

/**
 * Newest first, keyset-paginated on (created_at, id) so pages stay stable while intents arrive, with
 * attempts, in one query. An open intent past its expiry counts as expired in the filter (and is
 * expired on the way out), so the list agrees with what a read of each intent would say without
 * sweeping the merchant's intents first.
 */
export async function listIntents(db: Db, merchantId: string, query: ListIntentsQuery): Promise<IntentPage> {
  const conditions: (SQL | undefined)[] = [eq(paymentIntents.merchantId, merchantId), statusIs(query.status)];
  if (query.startingAfter) conditions.push(await afterCursor(db, paymentIntents, merchantId, query.startingAfter, "payment_intent"));
  const rows = await selectIntentDetails(
    db,
    and(...conditions),
    sql`order by ${paymentIntents.createdAt} desc, ${paymentIntents.id} desc limit ${query.limit + 1}`,
  );
  return { intents: rows.slice(0, query.limit), hasMore: rows.length > query.limit };
}
