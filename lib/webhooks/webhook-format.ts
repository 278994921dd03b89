import type { Db } from "@/db/client";
import type { WebhookEventType } from "@/lib/events/event-types";
import type { NewEvent } from "@/lib/events/record-event";

/** An event as a dialect sees it when it writes the webhook body. */
export type WebhookSubject = NewEvent & { id: string; createdAt: Date };

/**
 * How one dialect speaks on webhooks: the body (rendered once, when the event is recorded, so every
 * retry sends the same bytes) and any signature headers its integrations verify, sent beside the
 * Standard Webhooks headers.
 */
export type WebhookFormat = {
  /** The events this dialect sends by webhook; STANDARD_WEBHOOK_EVENTS unless it says otherwise. */
  events?: readonly WebhookEventType[];
  render(db: Db, event: WebhookSubject): Promise<Record<string, unknown>>;
  /** Extra headers for one delivery, signed with the endpoint's current secret exactly as the merchant holds it. */
  signatureHeaders?(body: string, secret: string, sentAt: Date): Record<string, string>;
};

export type WebhookRenderer = WebhookFormat["render"];
