import type { Db } from "@/db/client";
import type { WebhookMessage } from "@/db/schema";
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
  /** The webhook of an event, typed as the event is; for a dialect with renderMessages, the first of them. */
  render(db: Db, event: WebhookSubject): Promise<Record<string, unknown>>;
  /**
   * Any number of webhooks per event, each with a type of the dialect's own (none: the event is not
   * sent). Their ids are webhookMessageId(event, index), so a dialect can name them in its bodies.
   * Used instead of render when present.
   */
  renderMessages?(db: Db, event: WebhookSubject): Promise<WebhookMessage[]>;
  /** The events this dialect sends by webhook; STANDARD_WEBHOOK_EVENTS unless it says otherwise. */
  events?: readonly WebhookEventType[];
  /**
   * False when the dialect's body has no room for the object's `sequence` (Stripe's events have a fixed
   * shape); it is then only in the `webhook-sequence` header. Otherwise it is a top-level field.
   */
  sequenceInBody?: false;
  /** Extra headers for one delivery, signed with the endpoint's current secret exactly as the merchant holds it. */
  signatureHeaders?(body: string, secret: string, sentAt: Date): Record<string, string>;
};

export type WebhookRenderer = WebhookFormat["render"];

/** The id of an event's webhook: the event's own for the first (or only) one, with its index after it for the rest. */
export function webhookMessageId(eventId: string, index: number): string {
  return index === 0 ? eventId : `${eventId}_${index}`;
}

/** An event's webhooks, whichever way its dialect wrote them; none for an event that is not sent. */
export function eventMessages(event: { type: string; payload: Record<string, unknown> | null; messages: WebhookMessage[] | null }): WebhookMessage[] {
  if (event.messages) return event.messages;
  return event.payload ? [{ type: event.type, body: event.payload }] : [];
}
