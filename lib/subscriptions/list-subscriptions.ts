import { and, desc, eq, type SQL } from "drizzle-orm";
import { subscriptions, type Subscription, type SubscriptionStatus } from "@/db/schema";
import type { Db } from "@/db/client";
import { afterCursor } from "@/lib/pagination/after-cursor";
import { ownedBy, type Owner } from "@/db/owner";

export type SubscriptionPage = { subscriptions: Subscription[]; hasMore: boolean };

/** Newest first, keyset-paginated like intents. */
export async function listSubscriptions(
  db: Db,
  owner: Owner,
  query: { limit: number; startingAfter?: string; status?: SubscriptionStatus },
): Promise<SubscriptionPage> {
  const conditions: (SQL | undefined)[] = [ownedBy(subscriptions, owner)];
  if (query.status) conditions.push(eq(subscriptions.status, query.status));
  if (query.startingAfter) conditions.push(await afterCursor(db, subscriptions, owner, query.startingAfter, "subscription"));
  const rows = await db
    .select()
    .from(subscriptions)
    .where(and(...conditions))
    .orderBy(desc(subscriptions.createdAt), desc(subscriptions.id))
    .limit(query.limit + 1);
  return { subscriptions: rows.slice(0, query.limit), hasMore: rows.length > query.limit };
}
