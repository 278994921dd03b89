/** Events a merchant's server can receive by webhook (seed 001's list, plus refunds and expiry). */
export const WEBHOOK_EVENT_TYPES = [
  "payment.succeeded",
  "payment.failed",
  "payment.canceled",
  "payment.expired",
  "payment.refunded",
  "subscription.created",
  "subscription.renewed",
  "subscription.failed",
  "subscription.canceled",
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Recorded in the audit trail only. */
export type AuditEventType = "payment.created" | "payment.authorized" | "webhook.test";

export type EventType = WebhookEventType | AuditEventType;

export function isWebhookEvent(type: string): type is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(type);
}
