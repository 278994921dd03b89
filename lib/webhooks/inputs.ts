import { z } from "zod";
import { WEBHOOK_EVENT_TYPES } from "@/lib/events/event-types";
import { httpUrl, text } from "@/lib/validation/common";

/* A webhook endpoint as the API and the dashboard both accept it. */

const eventTypes = z
  .array(z.enum(WEBHOOK_EVENT_TYPES, { error: `must be event types from: ${WEBHOOK_EVENT_TYPES.join(", ")}` }))
  .max(WEBHOOK_EVENT_TYPES.length)
  .transform((types) => [...new Set(types)]);

export const createWebhookEndpointBody = z.strictObject({
  url: httpUrl,
  events: eventTypes.optional(),
  enabled: z.boolean({ error: "must be true or false" }).optional(),
  description: text(200).nullable().optional(),
});

/** Faults a test-mode endpoint's deliveries suffer on purpose (db/schema/webhooks.ts, TestFaults); `{}` turns them all off. */
export const testFaultsBody = z.strictObject({
  duplicate: z.boolean({ error: "must be true or false" }).optional(),
  delay_seconds: z.number().int({ error: "must be a whole number of seconds" }).min(0).max(3600, { error: "must be at most 3600 (an hour)" }).optional(),
  out_of_order: z.boolean({ error: "must be true or false" }).optional(),
  fail_first: z.number().int({ error: "must be a whole number" }).min(0).max(10, { error: "must be at most 10" }).optional(),
  stale_timestamp: z.boolean({ error: "must be true or false" }).optional(),
  wrong_signature: z.boolean({ error: "must be true or false" }).optional(),
});

export const updateWebhookEndpointBody = createWebhookEndpointBody.partial().extend({ test_faults: testFaultsBody.optional() });
