import type { PaymentIntent } from "@/db/schema";
import { publicUrl } from "@/lib/config/env";
import { challengePagePath } from "./checkout-url";

/**
 * What the buyer must do next for an intent waiting on 3-D Secure, in Stripe's shape: go to the
 * bank's challenge. Null for any other status.
 */
export function nextAction(intent: Pick<PaymentIntent, "id" | "status" | "clientSecret">) {
  if (intent.status !== "requires_action") return null;
  return { type: "redirect_to_url" as const, redirect_to_url: { url: publicUrl() + challengePagePath(intent.id, intent.clientSecret) } };
}
