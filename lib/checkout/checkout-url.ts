import type { PaymentIntent } from "@/db/schema";
import { publicUrl } from "@/lib/config/env";

/** Where the buyer pays: the hosted page, authenticated by the intent's client secret. */
export function checkoutUrl(intent: Pick<PaymentIntent, "id" | "clientSecret">): string {
  return `${publicUrl()}/pay/${encodeURIComponent(intent.id)}?client_secret=${encodeURIComponent(intent.clientSecret)}`;
}
