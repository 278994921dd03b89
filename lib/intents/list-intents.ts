import { and, desc, eq, lt, or, type SQL } from "drizzle-orm";
import { paymentIntents, type IntentStatus, type PaymentIntent } from "@/db/schema";
import type { Db } from "@/db/client";
import { notFound } from "@/lib/errors/app-error";
import { expireDueIntents } from "./expire-intent";

export type ListIntentsQuery = { limit: number; startingAfter?: string; status?: IntentStatus };
export type IntentPage = { intents: PaymentIntent[]; hasMore: boolean };

/** Newest first, keyset-paginated on (created_at, id) so pages stay stable while intents arrive. */
export async function listIntents(db: Db, merchantId: string, query: ListIntentsQuery): Promise<IntentPage> {
  // So a list filtered by status agrees with what a read of each intent would say.
  await expireDueIntents(db, merchantId);
  const conditions: (SQL | undefined)[] = [eq(paymentIntents.merchantId, merchantId)];
  if (query.status) conditions.push(eq(paymentIntents.status, query.status));
  if (query.startingAfter) {
    const [cursor] = await db
      .select({ createdAt: paymentIntents.createdAt, id: paymentIntents.id })
      .from(paymentIntents)
      .where(and(eq(paymentIntents.id, query.startingAfter), eq(paymentIntents.merchantId, merchantId)));
    if (!cursor) throw notFound("payment_intent", query.startingAfter, "starting_after");
    conditions.push(
      or(
        lt(paymentIntents.createdAt, cursor.createdAt),
        and(eq(paymentIntents.createdAt, cursor.createdAt), lt(paymentIntents.id, cursor.id)),
      ),
    );
  }
  const rows = await db
    .select()
    .from(paymentIntents)
    .where(and(...conditions))
    .orderBy(desc(paymentIntents.createdAt), desc(paymentIntents.id))
    .limit(query.limit + 1);
  return { intents: rows.slice(0, query.limit), hasMore: rows.length > query.limit };
}
