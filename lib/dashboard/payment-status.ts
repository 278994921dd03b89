import { and, eq, gt, lt, sql, type SQL } from "drizzle-orm";
import { paymentIntents } from "@/db/schema";
import { statusIs } from "@/lib/intents/status-filter";
import type { PaymentStatus } from "./payment-status-labels";

export { PAYMENT_STATUS_LABELS, PAYMENT_STATUSES, paymentStatus, type PaymentStatus } from "./payment-status-labels";

/** The SQL that selects exactly the payments `paymentStatus` would label `status`. */
export function paymentStatusIs(status: PaymentStatus | undefined): SQL | undefined {
  const refunded = paymentIntents.amountRefunded;
  switch (status) {
    case undefined:
      return undefined;
    case "succeeded":
      return and(eq(paymentIntents.status, "succeeded"), eq(refunded, 0));
    case "partially_refunded":
      return and(eq(paymentIntents.status, "succeeded"), gt(refunded, 0), lt(refunded, paymentIntents.amountCaptured));
    case "refunded":
      return and(eq(paymentIntents.status, "succeeded"), gt(refunded, 0), sql`${refunded} >= ${paymentIntents.amountCaptured}`);
    default:
      return statusIs(status);
  }
}
