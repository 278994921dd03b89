import { sql } from "drizzle-orm";
import { checkouts, merchants, paymentIntents, type Checkout as CheckoutConfig, type Merchant } from "@/db/schema";
import type { Db } from "@/db/client";
import { fromRow } from "@/db/from-row";
import { jsonValue, queryRows } from "@/db/rows";
import { INTENT_JSON, intentDetailsFromRow, WITH_ATTEMPTS, type IntentDetails } from "@/lib/intents/intent-details";
import { expireDetailsIfDue } from "@/lib/intents/read-intent-details";
import { checkSecret } from "./authenticate-checkout";

/** Whose page the buyer is on: the intent's checkout, falling back to the merchant's own settings. */
export type Branding = { name: string; brandColor: string | null; logoUrl: string | null };

export type Checkout = { intent: IntentDetails; merchant: Merchant; branding: Branding };

/**
 * Everything the hosted page shows, after the client secret has been checked: the intent with its
 * attempts, its merchant and its checkout's branding, in one query.
 */
export async function getCheckout(db: Db, intentId: string, clientSecret: string | null | undefined): Promise<Checkout> {
  const [row] = await queryRows<Record<string, unknown>>(
    db,
    sql`select ${INTENT_JSON}, ${WITH_ATTEMPTS}, to_json(m) as merchant_json, to_json(c) as checkout_json
        from ${paymentIntents}
        join ${merchants} m on m.id = ${paymentIntents.merchantId}
        left join ${checkouts} c on c.id = ${paymentIntents.checkoutId}
        where ${paymentIntents.id} = ${intentId}`,
  );
  const intent = await expireDetailsIfDue(db, checkSecret(row && intentDetailsFromRow(row), intentId, clientSecret));
  const merchant = fromRow(merchants, jsonValue(row!.merchant_json) as Record<string, unknown>);
  const checkout = row!.checkout_json ? fromRow(checkouts, jsonValue(row!.checkout_json) as Record<string, unknown>) : null;
  return { intent, merchant, branding: brandingOf(merchant, checkout) };
}

/** The intent's checkout's name, colour and logo, each falling back to the merchant's own. */
export function brandingOf(merchant: Merchant, checkout: CheckoutConfig | null): Branding {
  return {
    name: checkout?.displayName || merchant.displayName || merchant.name,
    brandColor: checkout?.brandColor ?? merchant.brandColor,
    logoUrl: checkout?.logoUrl ?? merchant.logoUrl,
  };
}
