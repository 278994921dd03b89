import { eq } from "drizzle-orm";
import { merchants, type Merchant } from "@/db/schema";
import type { Db } from "@/db/client";
import { withDetail, type IntentDetails } from "@/lib/intents/intent-details";
import { authenticateCheckout } from "./authenticate-checkout";

export type Checkout = { intent: IntentDetails; merchant: Merchant };

/** Everything the hosted page shows, after the client secret has been checked. */
export async function getCheckout(db: Db, intentId: string, clientSecret: string | null | undefined): Promise<Checkout> {
  const intent = await authenticateCheckout(db, intentId, clientSecret);
  const [merchant] = await db.select().from(merchants).where(eq(merchants.id, intent.merchantId));
  return { intent: await withDetail(db, intent), merchant: merchant! };
}
