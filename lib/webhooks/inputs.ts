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

export const updateWebhookEndpointBody = createWebhookEndpointBody.partial();
