import { sql } from "drizzle-orm";
import { paymentIntents, type PaymentIntent } from "@/db/schema";
import type { Db } from "@/db/client";
import { recordEvent } from "@/lib/events/record-event";
import { intentSnapshot } from "./snapshot";
import { transitionIntent } from "./transition";

/**
 * Moves an unpaid intent past its expiry to `expired` and records it. Reads call this so nobody
 * ever sees a stale `requires_payment_method`; a background sweep does the same for unread ones.
 */
export async function expireIfDue(db: Db, intent: PaymentIntent): Promise<PaymentIntent> {
  if (intent.status !== "requires_payment_method" || intent.expiresAt.getTime() > Date.now()) return intent;
  return db.transaction(async (tx) => {
    const expired = await transitionIntent(tx, {
      intentId: intent.id,
      from: ["requires_payment_method"],
      to: "expired",
      guard: sql`${paymentIntents.expiresAt} <= now()`,
    });
    if (!expired) {
      const [current] = await tx.select().from(paymentIntents).where(sql`${paymentIntents.id} = ${intent.id}`);
      return current ?? intent;
    }
    await recordEvent(tx, {
      merchantId: expired.merchantId,
      type: "payment.expired",
      intentId: expired.id,
      actor: { type: "system" },
      data: { object: intentSnapshot(expired) },
    });
    return expired;
  });
}
