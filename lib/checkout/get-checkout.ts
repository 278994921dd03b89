import { eq } from "drizzle-orm";
import { checkouts, merchants, type Merchant } from "@/db/schema";
import type { Db } from "@/db/client";
import { withDetail, type IntentDetails } from "@/lib/intents/intent-details";
import { authenticateCheckout } from "./authenticate-checkout";

/** Whose page the buyer is on: the intent's checkout, falling back to the merchant's own settings. */
export type Branding = { name: string; brandColor: string | null; logoUrl: string | null };

export type Checkout = { intent: IntentDetails; merchant: Merchant; branding: Branding };

/** Everything the hosted page shows, after the client secret has been checked. */
export async function getCheckout(db: Db, intentId: string, clientSecret: string | null | undefined): Promise<Checkout> {
  const intent = await authenticateCheckout(db, intentId, clientSecret);
  const [merchant] = await db.select().from(merchants).where(eq(merchants.id, intent.merchantId));
  const [checkout] = intent.checkoutId ? await db.select().from(checkouts).where(eq(checkouts.id, intent.checkoutId)) : [];
  const branding: Branding = {
    name: checkout?.displayName || merchant!.displayName || merchant!.name,
    brandColor: checkout?.brandColor ?? merchant!.brandColor,
    logoUrl: checkout?.logoUrl ?? merchant!.logoUrl,
  };
  return { intent: await withDetail(db, intent), merchant: merchant!, branding };
}
