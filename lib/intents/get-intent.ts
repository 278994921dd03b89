import { paymentIntents, type PaymentIntent } from "@/db/schema";
import type { Db } from "@/db/client";
import { expireIfDue } from "./expire-intent";
import { getOwned } from "@/db/get-owned";
import { merchantOf, type Owner } from "@/db/owner";

/** One of this merchant's intents; another merchant's id is a 404, exactly like an unknown one. */
export async function getIntent(db: Db, owner: Owner, intentId: string): Promise<PaymentIntent> {
  return expireIfDue(db, await getOwned(db, paymentIntents, owner, intentId, "payment_intent"));
}
