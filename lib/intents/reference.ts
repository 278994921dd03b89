import { and, eq } from "drizzle-orm";
import { paymentIntents, type Dialect, type PaymentIntent } from "@/db/schema";
import type { Db } from "@/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";
import { expireIfDue } from "./expire-intent";
import { ownedBy, type Owner } from "@/db/owner";

/** The index that holds a reference_id unique per merchant, for dialects that declare it so (DialectDefinition.uniqueReferences). */
export const UNIQUE_REFERENCE_INDEX = "payment_intents_unique_reference_key";

export const referenceTaken = (referenceId: string) =>
  new AppError("reference_id_taken", `The reference_id '${referenceId}' is already used by another payment intent.`, {
    param: "reference_id",
  });

/** An intent of this dialect by the merchant's own reference_id, for a dialect whose references are unique. */
export async function getIntentByReference(db: Db, owner: Owner, dialect: Dialect, referenceId: string): Promise<PaymentIntent> {
  const [intent] = await db
    .select()
    .from(paymentIntents)
    .where(
      and(
        ownedBy(paymentIntents, owner),
        eq(paymentIntents.dialect, dialect),
        eq(paymentIntents.referenceUnique, true),
        eq(paymentIntents.referenceId, referenceId),
      ),
    );
  if (!intent) throw notFound("payment_intent with reference_id", referenceId, "reference_id");
  return expireIfDue(db, intent);
}
