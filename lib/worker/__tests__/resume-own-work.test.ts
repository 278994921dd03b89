import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { webhookDeliveries } from "@/db/schema";
import { callRoute } from "@/lib/testing/call-route";
import { createTestMerchant, validIntent } from "@/lib/testing/fixtures";
import { startWebhookReceiver } from "@/lib/testing/webhook-receiver";
import { claimDueDeliveries } from "@/lib/webhooks/deliver-webhooks";
import * as endpoints from "@/app/api/v1/webhook-endpoints/route";
import * as intents from "@/app/api/v1/payment-intents/route";
import * as cancel from "@/app/api/v1/payment-intents/[id]/cancel/route";
import { resumeOwnWork } from "../resume-own-work";

let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
beforeAll(async () => {
  process.env.KASSA_ALLOW_PRIVATE_WEBHOOKS = "1";
  receiver = await startWebhookReceiver();
});
afterAll(() => receiver.close());

it("takes back this instance's own leases at once, and leaves another instance's to run out", async () => {
  const db = await getDb();
  const merchant = await createTestMerchant();
  await callRoute(endpoints.POST, { path: "/api/v1/webhook-endpoints", headers: merchant.auth, body: { url: receiver.url } });
  const { body: intent } = await callRoute(intents.POST, { path: "/api/v1/payment-intents", headers: merchant.auth, body: validIntent });
  await callRoute(cancel.POST, { path: `/api/v1/payment-intents/${intent.id}/cancel`, headers: merchant.auth, params: { id: intent.id }, body: {} });

  process.env.KASSA_INSTANCE_ID = "instance-a";
  const claimed = await claimDueDeliveries(db, 10);
  expect(claimed.map(({ delivery }) => delivery.lockedBy)).toEqual(claimed.map(() => "instance-a"));
  const ids = claimed.map(({ delivery }) => delivery.id);
  // The process dies here, mid-send: its leases stand for a minute.
  expect(await claimDueDeliveries(db, 10)).toEqual([]);

  expect(await resumeOwnWork(db, "instance-b")).toEqual({ deliveries: 0, emails: 0 });
  expect(await claimDueDeliveries(db, 10)).toEqual([]);
  expect(await resumeOwnWork(db, "instance-a")).toMatchObject({ deliveries: ids.length });
  process.env.KASSA_INSTANCE_ID = "instance-a-again";
  const again = await claimDueDeliveries(db, 10);
  expect(again.map(({ delivery }) => delivery.id).sort()).toEqual([...ids].sort());
  const rows = await db.select().from(webhookDeliveries).where(inArray(webhookDeliveries.id, ids));
  expect(rows.every((row) => row.attemptCount === 2 && row.lockedBy === "instance-a-again")).toBe(true);
  delete process.env.KASSA_INSTANCE_ID;
});
