import { and, eq } from "drizzle-orm";
import { paymentIntents, type PaymentIntent } from "@/db/schema";
import type { Db } from "@/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";
import { expireIfDue } from "./expire-intent";

/** mintro's reference_id is unique per merchant, held by an index that also settles racing creates. */
export const referenceTaken = (referenceId: string) =>
  new AppError("reference_id_taken", `The reference_id '${referenceId}' is already used by another payment intent.`, {
    param: "reference_id",
  });

/** A mintro intent by the merchant's own reference_id. */
export async function getIntentByReference(db: Db, merchantId: string, referenceId: string): Promise<PaymentIntent> {
  const [intent] = await db
    .select()
    .from(paymentIntents)
    .where(and(eq(paymentIntents.merchantId, merchantId), eq(paymentIntents.dialect, "mintro"), eq(paymentIntents.referenceId, referenceId)));
  if (!intent) throw notFound("payment_intent with reference_id", referenceId, "reference_id");
  return expireIfDue(db, intent);
}
