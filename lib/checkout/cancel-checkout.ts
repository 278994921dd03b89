import type { PaymentIntent } from "@/db/schema";
import type { Db } from "@/db/client";
import { cancelIntent } from "@/lib/intents/cancel-intent";
import { authenticateCheckout } from "./authenticate-checkout";

/** The buyer's "cancel and return" link: the same cancel the merchant has, proven by the client secret. */
export async function cancelCheckout(db: Db, intentId: string, clientSecret: string | null | undefined): Promise<PaymentIntent> {
  const intent = await authenticateCheckout(db, intentId, clientSecret);
  return cancelIntent(db, intent.merchantId, intent.id, { type: "buyer" }, "requested_by_customer");
}
