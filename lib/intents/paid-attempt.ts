import { and, eq, inArray } from "drizzle-orm";
import { paymentAttempts, type PaymentAttempt } from "@/db/schema";
import type { Db } from "@/db/client";
import { merchantOf, type Owner } from "@/db/owner";

/** The attempt that paid the intent (captured or authorized), or null while none has. At most one can. */
export async function paidAttempt(db: Db, owner: Owner, intentId: string): Promise<PaymentAttempt | null> {
  const [attempt] = await db
    .select()
    .from(paymentAttempts)
    .where(
      and(
        eq(paymentAttempts.intentId, intentId),
        eq(paymentAttempts.merchantId, merchantOf(owner)),
        inArray(paymentAttempts.status, ["succeeded", "authorized"]),
      ),
    )
    .limit(1);
  return attempt ?? null;
}

/** The acquirer's reference for the paid attempt: what a shop records as the transaction id. */
export function transactionReference(attempt: PaymentAttempt): string {
  return attempt.processorReference ?? attempt.id;
}
