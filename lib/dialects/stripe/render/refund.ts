import type { Refund } from "@/db/schema";
import { stringValues, unix } from "./common";

/** A Refund; `charge` is the charge it sends money back from. */
export function renderRefund(refund: Refund, chargeId: string | null) {
  return {
    id: refund.id,
    object: "refund",
    amount: refund.amount,
    balance_transaction: null,
    charge: chargeId,
    created: unix(refund.createdAt),
    currency: refund.currency.toLowerCase(),
    destination_details: { type: "card", card: { type: "refund" } },
    ...(refund.status === "failed" ? { failure_reason: "unknown" } : {}),
    metadata: stringValues(refund.metadata),
    payment_intent: refund.intentId,
    reason: refund.reason,
    receipt_number: null,
    source_transfer_reversal: null,
    status: refund.status,
    transfer_reversal: null,
  };
}
