import { detailsOf } from "@/lib/intents/intent-details";
import type { WebhookRenderer } from "@/lib/webhooks/webhook-format";
import { renderIntent, renderRefund, renderSubscription } from "./render";

/** `{id, type, created_at, data: {object}}`, the object as the native API would return it now. */
export const nativeWebhook: WebhookRenderer = async (db, event) => ({
  id: event.id,
  type: event.type,
  created_at: event.createdAt.toISOString(),
  data: {
    object: event.intent ? withoutSecret(renderIntent(await detailsOf(db, event.intent))) : event.subscription ? renderSubscription(event.subscription) : null,
    ...(event.intent && event.subscription ? { subscription: renderSubscription(event.subscription) } : {}),
    ...(event.refund ? { refund: renderRefund(event.refund) } : {}),
    ...(typeof event.details?.message === "string" ? { message: event.details.message } : {}),
  },
});

/**
 * A webhook body is stored with every attempt; the client secret has no business there, nor has
 * next_action, whose challenge URL carries it.
 */
function withoutSecret<T extends { client_secret: string; next_action: unknown }>(object: T): Omit<T, "client_secret" | "next_action"> {
  const { client_secret: _secret, next_action: _action, ...rest } = object;
  return rest;
}
