import { sql, type SQL } from "drizzle-orm";
import { emailMessages, merchants } from "@/db/schema";
import type { NewEvent } from "@/lib/events/record-event";
import { newId } from "@/lib/ids";

const KINDS: Partial<Record<NewEvent["type"], "receipt" | "refund">> = {
  "payment.succeeded": "receipt",
  "subscription.renewed": "receipt",
  "payment.refunded": "refund",
};

/**
 * The buyer's receipt for an event that calls for one (a payment that succeeded, a subscription's
 * renewal charged, a refund), sent to the merchant's customer email or else the one the buyer gave, as an
 * INSERT that reads the event from the `recorded` CTE of the statement that records it: the
 * receipt is queued if and only if the event commits. Null when no receipt is due: no customer
 * email, or another kind of event. A merchant who turned receipts off gets none (checked in SQL).
 */
export function receiptInsert(event: NewEvent): SQL | null {
  const recipient = event.intent?.customerEmail ?? event.intent?.buyerEmail;
  const kind = KINDS[event.type] ?? null;
  if (!recipient || !kind) return null;
  return sql`
    insert into ${emailMessages} (id, merchant_id, mode, intent_id, refund_id, event_id, kind, recipient)
    select ${newId("em")}, recorded.merchant_id, recorded.mode, ${event.intent!.id}, ${event.refund?.id ?? null}, recorded.id, ${kind}, ${recipient}
    from recorded join ${merchants} merchant on merchant.id = recorded.merchant_id
    where merchant.receipts_enabled
    returning id`;
}
