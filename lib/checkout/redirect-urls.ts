import type { PaymentIntent } from "@/db/schema";
import { dialectDefinition } from "@/lib/dialects/registry";

const PLACEHOLDER = /\{CHECKOUT_SESSION_ID\}|%7BCHECKOUT_SESSION_ID%7D/gi;

type Returning = Pick<PaymentIntent, "id" | "dialect">;

/**
 * The merchant's success URL with `payment_intent=<id>` added (and whatever the intent's dialect
 * reads on the way back), and {CHECKOUT_SESSION_ID} filled in.
 */
export function successRedirect(intent: Returning & Pick<PaymentIntent, "successUrl">): string | null {
  if (!intent.successUrl) return null;
  const url = new URL(intent.successUrl.replace(PLACEHOLDER, sessionId(intent)));
  url.searchParams.set("payment_intent", intent.id);
  return withReturnParams(url, intent);
}

/** The merchant's cancel URL, with {CHECKOUT_SESSION_ID} filled in when it asks for it. */
export function cancelRedirect(intent: Returning & Pick<PaymentIntent, "cancelUrl">): string | null {
  if (!intent.cancelUrl) return null;
  const params = dialectDefinition(intent.dialect).returnParams?.(intent.id);
  const url = intent.cancelUrl.replace(PLACEHOLDER, sessionId(intent));
  return params ? withReturnParams(new URL(url), intent) : url;
}

/** What the placeholder stands for: the intent, unless its dialect's sessions have ids of their own. */
function sessionId(intent: Returning): string {
  return encodeURIComponent(dialectDefinition(intent.dialect).checkoutSessionId?.(intent.id) ?? intent.id);
}

function withReturnParams(url: URL, intent: Returning): string {
  for (const [name, value] of Object.entries(dialectDefinition(intent.dialect).returnParams?.(intent.id) ?? {})) url.searchParams.set(name, value);
  return url.toString();
}
