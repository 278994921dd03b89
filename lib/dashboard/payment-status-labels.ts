import type { PaymentIntent } from "@/db/schema";

/**
 * What the dashboard calls a payment's state: the intent's status, with a succeeded payment that
 * has been refunded, in part or in full, said so. The list, its filter, the badges and the detail
 * page all use this one table.
 */
export const PAYMENT_STATUSES = [
  "requires_payment_method",
  "requires_action",
  "processing",
  "authorized",
  "succeeded",
  "partially_refunded",
  "refunded",
  "failed",
  "canceled",
  "expired",
  "underpaid",
] as const;

export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const PAYMENT_STATUS_LABELS: Record<PaymentStatus, string> = {
  requires_payment_method: "awaiting payment",
  requires_action: "awaiting 3-D Secure",
  processing: "processing",
  authorized: "authorized",
  succeeded: "succeeded",
  partially_refunded: "partially refunded",
  refunded: "refunded",
  failed: "failed",
  canceled: "canceled",
  expired: "expired",
  underpaid: "underpaid",
};

export function paymentStatus(intent: Pick<PaymentIntent, "status" | "amountCaptured" | "amountRefunded">): PaymentStatus {
  if (intent.status !== "succeeded" || intent.amountRefunded <= 0) return intent.status;
  return intent.amountRefunded >= intent.amountCaptured ? "refunded" : "partially_refunded";
}
