import type { PaymentIntent } from "@/db/schema";
import { publicUrl } from "@/lib/config/env";

/** The hosted page's path, authenticated by the intent's client secret. */
export function checkoutPagePath(intentId: string, clientSecret: string): string {
  return `/pay/${encodeURIComponent(intentId)}?client_secret=${encodeURIComponent(clientSecret)}`;
}

/** Where the buyer pays: the absolute URL every dialect hands out. */
export function checkoutUrl(intent: Pick<PaymentIntent, "id" | "clientSecret">): string {
  return publicUrl() + checkoutPagePath(intent.id, intent.clientSecret);
}
