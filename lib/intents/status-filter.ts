import { and, eq, gt, isNotNull, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import { paymentIntents, type IntentStatus } from "@/db/schema";
import { expiryDecidedByChain } from "@/lib/stablecoins/expiry-by-chain";

/** Open intents past their expiry, in SQL: what a list must count as expired before the worker gets to them. */
export const overdue = (): SQL | undefined => and(
  or(eq(paymentIntents.status, "requires_payment_method"), eq(paymentIntents.status, "requires_action")),
  lte(paymentIntents.expiresAt, sql`now()`),
  // One on a test clock expires when its clock says, as a read of it would.
  isNull(paymentIntents.testClockId),
  // One waiting on a chain expires when the chain's time says (expiry-by-chain.ts).
  sql`not ${expiryDecidedByChain()}`,
);

/**
 * A status filter that agrees with what a read of each intent would say: an open intent past its
 * expiry is expired, whether or not the worker has moved it yet. Lists need no sweep before they run.
 */
export function statusIs(status: IntentStatus | undefined): SQL | undefined {
  if (status === "requires_payment_method" || status === "requires_action") {
    return and(eq(paymentIntents.status, status), or(gt(paymentIntents.expiresAt, sql`now()`), isNotNull(paymentIntents.testClockId), expiryDecidedByChain()));
  }
  if (status === "expired") return or(eq(paymentIntents.status, status), overdue());
  return status ? eq(paymentIntents.status, status) : undefined;
}
