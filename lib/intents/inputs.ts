import { z } from "zod";
import { MAX_MINOR_AMOUNT } from "@/lib/money/decimal";
import { REFUND_REASONS } from "./refund-intent";

/* Captures and refunds as the API and the dashboard both accept them. */

const positiveMinor = (what: string) =>
  z
    .number({ error: `must be an integer number of minor units` })
    .int({ error: `${what} is an integer in the currency's minor unit (cents): send 500 for 5.00` })
    .min(1, { error: "must be at least 1" })
    .max(MAX_MINOR_AMOUNT);

export const captureIntentBody = z.strictObject({ amount_to_capture: positiveMinor("amount_to_capture").optional() });
export const createRefundBody = z.strictObject({
  amount: positiveMinor("amount").optional(),
  reason: z.enum(REFUND_REASONS, { error: `must be one of ${REFUND_REASONS.join(", ")}` }).nullable().optional(),
  /** For a payment made on chain: the transaction the merchant sent the refund in, from its own wallet. */
  tx_hash: z.string({ error: "must be a transaction hash (0x and 64 hex digits)" }).regex(/^0x[0-9a-fA-F]{64}$/, { error: "must be a transaction hash (0x and 64 hex digits)" }).optional(),
});
