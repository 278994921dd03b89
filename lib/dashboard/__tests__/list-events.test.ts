import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { events } from "@/db/schema";
import { createIntent } from "@/lib/intents/create-intent";
import { insertWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { createTestMerchant, payIntent } from "@/lib/testing/fixtures";
import { listEvents } from "../list-events";

describe("the events page's list", () => {
  it("pages through a merchant's events newest first, each with its deliveries, and never another merchant's", async () => {
    const { merchant } = await createTestMerchant();
    const other = await createTestMerchant();
    const db = await getDb();
    await insertWebhookEndpoint(db, merchant.id, { url: "https://merchant.example/hooks" });
    for (let i = 0; i < 3; i++) {
      const intent = await createIntent(db, merchant, { dialect: "native", amount: 1000 + i, currency: "USD", successUrl: "https://shop.example/ok" }, { type: "system" });
      await payIntent(intent.id);
    }
    await createIntent(db, other.merchant, { dialect: "native", amount: 500, currency: "USD", successUrl: "https://shop.example/ok" }, { type: "system" });

    const seen: string[] = [];
    let before: string | undefined;
    for (;;) {
      const page = await listEvents(db, merchant.id, { limit: 4, before });
      seen.push(...page.events.map((event) => event.type));
      for (const event of page.events) {
        expect(event.deliveries.map((delivery) => delivery.endpointUrl)).toEqual(event.type === "payment.succeeded" ? ["https://merchant.example/hooks"] : []);
      }
      if (!page.olderThan) break;
      before = page.olderThan;
    }
    expect(seen.sort()).toEqual([...Array(3).fill("payment.created"), ...Array(3).fill("payment.succeeded")].sort());
  });

  it("orders events written in the same millisecond as they were written, across pages too", async () => {
    const { merchant } = await createTestMerchant();
    const db = await getDb();
    const at = new Date("2031-05-01T12:00:00.000Z");
    // Ids chosen so that their own order is the reverse of the order they were written in.
    for (const id of ["evt_z", "evt_y", "evt_x", "evt_w"]) {
      await db.insert(events).values({ id: `${id}_${merchant.id}`, merchantId: merchant.id, type: "webhook.test", actor: "system", data: {}, createdAt: at });
    }
    const first = await listEvents(db, merchant.id, { limit: 2 });
    const second = await listEvents(db, merchant.id, { limit: 2, before: first.olderThan! });
    expect([...first.events, ...second.events].map((event) => event.id.slice(0, 5))).toEqual(["evt_w", "evt_x", "evt_y", "evt_z"]);
  });
});
