/** What every dialect sends by webhook: seed 001's list, plus refunds and expiry. */
export const STANDARD_WEBHOOK_EVENTS = [
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

/** Every event a merchant's server can subscribe to; a dialect may send more than the standard ones (seed 002's service sends authorizations). */
export const WEBHOOK_EVENT_TYPES = [...STANDARD_WEBHOOK_EVENTS, "payment.authorized"] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Recorded in the audit trail only. */
export type AuditEventType = "payment.created" | "payment.requires_action" | "webhook.test";

export type EventType = WebhookEventType | AuditEventType;
