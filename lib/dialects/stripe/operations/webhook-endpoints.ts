import { z } from "zod";
import { createWebhookEndpoint, deleteWebhookEndpoint, getWebhookEndpoint, listWebhookEndpoints, revealSecret, updateWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { expansions } from "../expand";
import { expandParam, formArray, formBoolean, formMetadata, formString, formUrl, idParams, listParams, metadataUpdate, updatedMetadata } from "../params";
import { list } from "../render/common";
import { renderWebhookEndpoint } from "../render/webhook-endpoint";
import { deleted, ok, stripeOperation } from "./route";

/** Any of Stripe's event names (or `*`): Kassa sends those it has, and an endpoint may ask for more. */
const eventName = formString(100).regex(/^(\*|[a-z_]+(\.[a-z_]+)*(\.\*)?)$/, { error: "must be an event type such as checkout.session.completed, or *" });
const enabledEvents = formArray(eventName, 300)
  .refine((names) => names.length > 0, { error: "must name at least one event type, or *" })
  // Every type, as Kassa stores it: no list at all.
  .transform((names) => (names.includes("*") ? [] : [...new Set(names)]));

const createBody = z.strictObject({
  url: formUrl,
  enabled_events: enabledEvents,
  description: formString(5000).optional(),
  metadata: formMetadata.optional(),
  api_version: formString(64).optional(),
  connect: z.literal("false", { error: "Kassa has no connected accounts: connect must be false" }).optional(),
  expand: expandParam,
});

const updateBody = z.strictObject({
  url: formUrl.optional(),
  enabled_events: enabledEvents.optional(),
  description: z.union([z.literal(""), formString(5000)]).optional(),
  metadata: metadataUpdate.optional(),
  disabled: formBoolean.optional(),
  expand: expandParam,
});

export const create = stripeOperation({
  body: createBody,
  // The signing secret is kept sealed with the endpoint, never in the replay store: a replay reads it back.
  replay: {
    stored: (result) => ({ ...result, body: { ...(result.body as object), secret: undefined } }),
    completed: async (stored, { db, auth }) => {
      const body = stored.body as { id: string };
      return ok({ ...body, secret: revealSecret(await getWebhookEndpoint(db, auth.merchant.id, body.id)) });
    },
  },
  handle: async ({ db, auth, body }) => {
    expansions(body.expand, []);
    const { endpoint, secret } = await createWebhookEndpoint(db, auth.merchant.id, {
      url: body.url,
      events: body.enabled_events,
      description: body.description ?? null,
      metadata: body.metadata ?? {},
    });
    return ok(renderWebhookEndpoint(endpoint, secret));
  },
});

export const listAll = stripeOperation({
  query: z.strictObject(listParams),
  handle: async ({ db, auth, query }) => {
    expansions(query.expand, [], { list: true });
    const all = await listWebhookEndpoints(db, auth.merchant.id);
    const start = query.starting_after ? all.findIndex((endpoint) => endpoint.id === query.starting_after) + 1 : 0;
    const end = query.ending_before ? Math.max(0, all.findIndex((endpoint) => endpoint.id === query.ending_before)) : undefined;
    const window = all.slice(start, end);
    const limit = query.limit ?? 10;
    const page = query.ending_before && !query.starting_after ? window.slice(-limit) : window.slice(0, limit);
    return ok(list("/v1/webhook_endpoints", page.map((endpoint) => renderWebhookEndpoint(endpoint)), window.length > page.length));
  },
});

export const retrieve = stripeOperation({
  params: idParams,
  query: z.strictObject({ expand: expandParam }),
  handle: async ({ db, auth, params, query }) => {
    expansions(query.expand, []);
    return ok(renderWebhookEndpoint(await getWebhookEndpoint(db, auth.merchant.id, params.id)));
  },
});

export const update = stripeOperation({
  params: idParams,
  body: updateBody,
  handle: async ({ db, auth, params, body }) => {
    expansions(body.expand, []);
    const current = await getWebhookEndpoint(db, auth.merchant.id, params.id);
    const endpoint = await updateWebhookEndpoint(db, auth.merchant.id, params.id, {
      url: body.url,
      events: body.enabled_events,
      description: body.description === undefined ? undefined : body.description || null,
      metadata: updatedMetadata(current.metadata, body.metadata),
      enabled: body.disabled === undefined ? undefined : !body.disabled,
    });
    return ok(renderWebhookEndpoint(endpoint));
  },
});

export const remove = stripeOperation({
  params: idParams,
  handle: async ({ db, auth, params }) => {
    await deleteWebhookEndpoint(db, auth.merchant.id, params.id);
    return deleted(params.id, "webhook_endpoint");
  },
});

