import { eq } from "drizzle-orm";
import { paymentIntents, type PaymentIntent } from "@/db/schema";
import type { Db } from "@/db/client";
import { dialectDefinition } from "@/lib/dialects/registry";
import { notFound } from "@/lib/errors/app-error";
import { expireIfDue } from "@/lib/intents/expire-intent";
import { authenticateCheckout } from "./authenticate-checkout";

/**
 * An intent as a browser or a shop's success page may read it: with its client secret (checked in
 * constant time, a wrong one refused), or by id alone where its dialect's integrations rely on that.
 */
export async function readPublicIntent(db: Db, intentId: string, clientSecret: string | null): Promise<PaymentIntent> {
  if (clientSecret) return authenticateCheckout(db, intentId, clientSecret);
  const [intent] = await db.select().from(paymentIntents).where(eq(paymentIntents.id, intentId));
  if (!intent) throw notFound("payment_intent", intentId, "id");
  // Without the secret, an intent whose dialect does not allow it reads exactly as a wrong secret would.
  if (!dialectDefinition(intent.dialect).publicReadById) return authenticateCheckout(db, intentId, null);
  return expireIfDue(db, intent);
}
