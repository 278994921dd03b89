/**
 * The steps of a payment made on chain, each told as it happens: the whole amount seen and waiting
 * for confirmations, part of it arrived, money taken back by a reorganisation, the time up with
 * less than the amount, and money that arrived after the payment could take it.
 */
export const ONCHAIN_WEBHOOK_EVENTS = ["payment.processing", "payment.partially_funded", "payment.funds_reversed", "payment.underpaid", "payment.received_late"] as const;

/** What every dialect sends by webhook: seed 001's list, plus refunds, expiry and the on-chain steps. */
export const STANDARD_WEBHOOK_EVENTS = [
  "payment.succeeded",
  "payment.failed",
  "payment.canceled",
  "payment.expired",
  "payment.refunded",
  ...ONCHAIN_WEBHOOK_EVENTS,
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
