import { and, desc, eq, lt, or, type SQL } from "drizzle-orm";
import { subscriptions, type Subscription, type SubscriptionStatus } from "@/db/schema";
import type { Db } from "@/db/client";
import { notFound } from "@/lib/errors/app-error";

export type SubscriptionPage = { subscriptions: Subscription[]; hasMore: boolean };

/** Newest first, keyset-paginated like intents. */
export async function listSubscriptions(
  db: Db,
  merchantId: string,
  query: { limit: number; startingAfter?: string; status?: SubscriptionStatus },
): Promise<SubscriptionPage> {
  const conditions: (SQL | undefined)[] = [eq(subscriptions.merchantId, merchantId)];
  if (query.status) conditions.push(eq(subscriptions.status, query.status));
  if (query.startingAfter) {
    const [cursor] = await db
      .select({ createdAt: subscriptions.createdAt, id: subscriptions.id })
      .from(subscriptions)
      .where(and(eq(subscriptions.id, query.startingAfter), eq(subscriptions.merchantId, merchantId)));
    if (!cursor) throw notFound("subscription", query.startingAfter, "starting_after");
    conditions.push(
      or(lt(subscriptions.createdAt, cursor.createdAt), and(eq(subscriptions.createdAt, cursor.createdAt), lt(subscriptions.id, cursor.id))),
    );
  }
  const rows = await db
    .select()
    .from(subscriptions)
    .where(and(...conditions))
    .orderBy(desc(subscriptions.createdAt), desc(subscriptions.id))
    .limit(query.limit + 1);
  return { subscriptions: rows.slice(0, query.limit), hasMore: rows.length > query.limit };
}
