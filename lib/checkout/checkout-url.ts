import type { PaymentIntent } from "@/db/schema";
import { publicUrl } from "@/lib/config/env";

/** The hosted page's path, authenticated by the intent's client secret. */
export function checkoutPagePath(intentId: string, clientSecret: string): string {
  return `/pay/${encodeURIComponent(intentId)}?client_secret=${encodeURIComponent(clientSecret)}`;
}

/** The bank's 3-D Secure challenge for an intent that waits on it (the simulation's own page). */
export function challengePagePath(intentId: string, clientSecret: string): string {
  return `/pay/${encodeURIComponent(intentId)}/challenge?client_secret=${encodeURIComponent(clientSecret)}`;
}

/**
 * Where an acquirer's own 3-D Secure challenge sends the buyer back to: Kassa asks the acquirer how
 * it went and settles the attempt, then on as after Kassa's own challenge.
 */
export function challengeReturnUrl(intent: Pick<PaymentIntent, "id" | "clientSecret">): string {
  return `${publicUrl()}/pay/${encodeURIComponent(intent.id)}/challenge/return?client_secret=${encodeURIComponent(intent.clientSecret)}`;
}

/**
 * The page again after a plain form post finished the payment in a frame: it stays in the frame
 * (the merchant's page decides where to go next) and tells that page the outcome once.
 */
export function framedOutcomePath(intentId: string, clientSecret: string): string {
  return `${checkoutPagePath(intentId, clientSecret)}&outcome=1`;
}

/** Where the buyer pays: the absolute URL every dialect hands out. */
export function checkoutUrl(intent: Pick<PaymentIntent, "id" | "clientSecret">): string {
  return publicUrl() + checkoutPagePath(intent.id, intent.clientSecret);
}
