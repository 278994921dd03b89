import { paymentIntents, type PaymentIntent } from "@/db/schema";
import type { Db } from "@/db/client";
import { expireIfDue } from "./expire-intent";
import { getOwned } from "@/db/get-owned";

/** One of this merchant's intents; another merchant's id is a 404, exactly like an unknown one. */
export async function getIntent(db: Db, merchantId: string, intentId: string): Promise<PaymentIntent> {
  return expireIfDue(db, await getOwned(db, paymentIntents, { merchantId, id: intentId }, "payment_intent"));
}
