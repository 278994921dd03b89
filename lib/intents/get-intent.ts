import { and, eq } from "drizzle-orm";
import { paymentIntents, type PaymentIntent } from "@/db/schema";
import type { Db } from "@/db/client";
import { notFound } from "@/lib/errors/app-error";
import { expireIfDue } from "./expire-intent";

/** One of this merchant's intents; another merchant's id is a 404, exactly like an unknown one. */
export async function getIntent(db: Db, merchantId: string, intentId: string): Promise<PaymentIntent> {
  const [intent] = await db
    .select()
    .from(paymentIntents)
    .where(and(eq(paymentIntents.id, intentId), eq(paymentIntents.merchantId, merchantId)));
  if (!intent) throw notFound("payment_intent", intentId, "id");
  return expireIfDue(db, intent);
}
