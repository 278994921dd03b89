import { and, eq, gt, sql, type SQL } from "drizzle-orm";
import { paymentIntents, stablecoinDeposits } from "@/db/schema";
import type { Db } from "@/db/client";
import { AppError } from "@/lib/errors/app-error";
import { merchantOf, type Owner } from "@/db/owner";

/**
 * In SQL, of a payment_intents row: money has arrived for it on chain. Such an intent is the chain's
 * to finish (paid once the rest arrives, underpaid at expiry): no card, cancel or early expiry may
 * end it, or the money would be left unaccounted for.
 */
export function chainFundsArrived(): SQL {
  return sql`exists (select 1 from ${stablecoinDeposits} where ${stablecoinDeposits.intentId} = ${paymentIntents.id} and ${stablecoinDeposits.amountReceived} > 0)`;
}

export async function hasChainFunds(db: Db, intentId: string): Promise<boolean> {
  const [row] = await db
    .select({ intentId: stablecoinDeposits.intentId })
    .from(stablecoinDeposits)
    .where(and(eq(stablecoinDeposits.intentId, intentId), gt(stablecoinDeposits.amountReceived, "0")));
  return row !== undefined;
}

/**
 * Takes the lock of the intent's deposit row, if it has one, in the caller's transaction: the lock
 * the watcher holds while it records transfers. In READ COMMITTED, a statement after this one sees
 * what that watcher committed, which a statement that merely waited on the intent's row does not.
 */
export async function lockDeposit(tx: Db, owner: Owner, intentId: string): Promise<void> {
  await tx
    .select({ intentId: stablecoinDeposits.intentId })
    .from(stablecoinDeposits)
    .where(and(eq(stablecoinDeposits.intentId, intentId), eq(stablecoinDeposits.merchantId, merchantOf(owner))))
    .for("update");
}

export const chainFundedRefusal = (what: string) =>
  new AppError("intent_unexpected_state", `Part of this payment has already arrived on chain, so it can no longer be ${what}: it completes when the rest arrives, or ends underpaid when it expires.`, {
    extra: { status: "requires_payment_method" },
  });
