import { z } from "zod";
import { REFUND_REASONS } from "@/lib/intents/refund-intent";
import { expandParam, formAmount, formMetadata, formString, listParams } from "../params";

export const createRefundBody = z.strictObject({
  payment_intent: formString(255).optional(),
  charge: formString(255).optional(),
  amount: formAmount().optional(),
  reason: z.enum(REFUND_REASONS, { error: `must be one of ${REFUND_REASONS.join(", ")}` }).optional(),
  metadata: formMetadata.optional(),
  expand: expandParam,
});

export const listRefundsQuery = z.strictObject({ ...listParams, payment_intent: formString(255).optional(), charge: formString(255).optional() });
export const retrieveRefundQuery = z.strictObject({ expand: expandParam });
