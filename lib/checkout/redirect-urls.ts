import type { PaymentIntent } from "@/db/schema";

const PLACEHOLDER = /\{CHECKOUT_SESSION_ID\}|%7BCHECKOUT_SESSION_ID%7D/gi;

/** The merchant's success URL with `payment_intent=<id>` added and {CHECKOUT_SESSION_ID} filled in. */
export function successRedirect(intent: Pick<PaymentIntent, "id" | "successUrl">): string | null {
  if (!intent.successUrl) return null;
  const url = new URL(intent.successUrl.replace(PLACEHOLDER, encodeURIComponent(intent.id)));
  url.searchParams.set("payment_intent", intent.id);
  return url.toString();
}

/** The merchant's cancel URL, with {CHECKOUT_SESSION_ID} filled in when it asks for it. */
export function cancelRedirect(intent: Pick<PaymentIntent, "id" | "cancelUrl">): string | null {
  return intent.cancelUrl ? intent.cancelUrl.replace(PLACEHOLDER, encodeURIComponent(intent.id)) : null;
}
