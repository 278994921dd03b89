import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { paymentIntents, type IntentStatus, type PaymentIntent } from "@/db/schema";
import type { Db } from "@/db/client";

/** Every move the state machine allows; anything else is a bug, not a client error. */
const ALLOWED: Record<IntentStatus, readonly IntentStatus[]> = {
  requires_payment_method: ["processing", "canceled", "expired"],
  processing: ["succeeded", "authorized", "requires_payment_method", "failed"],
  authorized: ["succeeded", "canceled"],
  succeeded: [],
  failed: [],
  canceled: [],
  expired: [],
};

type IntentColumns = Omit<typeof paymentIntents.$inferInsert, "id" | "status">;

export type Transition = {
  intentId: string;
  from: readonly IntentStatus[];
  to: IntentStatus;
  set?: { [K in keyof IntentColumns]?: IntentColumns[K] | SQL };
  /** Extra guard that must also hold, such as "not yet expired". */
  guard?: SQL;
};

/**
 * The only way an intent changes status: one conditional UPDATE, so of two racing requests exactly
 * one matches the row and the other gets null and must re-read.
 */
export async function transitionIntent(db: Db, transition: Transition): Promise<PaymentIntent | null> {
  for (const from of transition.from) {
    if (!ALLOWED[from].includes(transition.to)) {
      throw new Error(`Illegal intent transition ${from} → ${transition.to}`);
    }
  }
  const [intent] = await db
    .update(paymentIntents)
    .set({ ...transition.set, status: transition.to, updatedAt: sql`now()` })
    .where(
      and(
        eq(paymentIntents.id, transition.intentId),
        inArray(paymentIntents.status, [...transition.from]),
        transition.guard,
      ),
    )
    .returning();
  return intent ?? null;
}
