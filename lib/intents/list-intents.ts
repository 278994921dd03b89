import { and, desc, eq, type SQL } from "drizzle-orm";
import { paymentIntents, type IntentStatus, type PaymentIntent } from "@/db/schema";
import type { Db } from "@/db/client";
import { afterCursor } from "@/lib/pagination/after-cursor";
import { expireDueIntents } from "./expire-intent";

export type ListIntentsQuery = { limit: number; startingAfter?: string; status?: IntentStatus };
export type IntentPage = { intents: PaymentIntent[]; hasMore: boolean };

/** Newest first, keyset-paginated on (created_at, id) so pages stay stable while intents arrive. */
export async function listIntents(db: Db, merchantId: string, query: ListIntentsQuery): Promise<IntentPage> {
  // So a list filtered by status agrees with what a read of each intent would say.
  await expireDueIntents(db, merchantId);
  const conditions: (SQL | undefined)[] = [eq(paymentIntents.merchantId, merchantId)];
  if (query.status) conditions.push(eq(paymentIntents.status, query.status));
  if (query.startingAfter) conditions.push(await afterCursor(db, paymentIntents, merchantId, query.startingAfter, "payment_intent"));
  const rows = await db
    .select()
    .from(paymentIntents)
    .where(and(...conditions))
    .orderBy(desc(paymentIntents.createdAt), desc(paymentIntents.id))
    .limit(query.limit + 1);
  return { intents: rows.slice(0, query.limit), hasMore: rows.length > query.limit };
}
