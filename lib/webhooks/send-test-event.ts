import { events, type Event } from "@/db/schema";
import type { Db } from "@/db/client";
import { newId } from "@/lib/ids";
import { getWebhookEndpoint } from "./endpoints";
import { enqueueDeliveries } from "./enqueue-deliveries";
import { merchantOf, type Owner } from "@/db/owner";

/** A `webhook.test` event sent to one endpoint only, to check that the receiver verifies and answers 2xx. */
export async function sendTestEvent(db: Db, owner: Owner, endpointId: string): Promise<Event> {
  const endpoint = await getWebhookEndpoint(db, owner, endpointId);
  return db.transaction(async (tx) => {
    const id = newId("evt");
    const createdAt = new Date();
    const [event] = await tx
      .insert(events)
      .values({
        id,
        merchantId: merchantOf(owner),
        // The endpoint's own mode, so the delivery goes to it.
        mode: endpoint.mode,
        type: "webhook.test",
        actor: "system",
        data: { endpoint_id: endpoint.id },
        payload: { id, type: "webhook.test", created_at: createdAt.toISOString(), data: { message: "This is a test event from Kassa." } },
        createdAt,
      })
      .returning();
    await enqueueDeliveries(tx, event!, { endpointId: endpoint.id });
    return event!;
  });
}
