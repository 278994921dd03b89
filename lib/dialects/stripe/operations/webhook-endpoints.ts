import { z } from "zod";
import { createWebhookEndpoint, deleteWebhookEndpoint, getWebhookEndpoint, listWebhookEndpoints, revealSecret, updateWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { notFound } from "@/lib/errors/app-error";
import { expansions } from "../expand";
import { expandParam, formArray, formBoolean, formMetadata, formString, formUrl, idParams, listParams, metadataPatch, metadataUpdate, oneCursor } from "../params";
import { list } from "../render/common";
import { renderWebhookEndpoint } from "../render/webhook-endpoint";
import { deleted, ok, stripeOperation } from "./route";

/** Any of Stripe's event names (or `*` for all): Kassa sends those it has, and an endpoint may ask for more. */
const eventName = formString(100).regex(/^(\*|[a-z_]+(\.[a-z_]+)+)$/, { error: "must be an event type such as checkout.session.completed, or * for all of them" });
const enabledEvents = formArray(eventName, 300)
  .refine((names) => names.length > 0, { error: "must name at least one event type, or *" })
  // Every type, as Kassa stores it: no list at all.
  .transform((names) => (names.includes("*") ? [] : [...new Set(names)]));

const createBody = z.strictObject({
  url: formUrl,
  enabled_events: enabledEvents,
  description: formString(200).optional(),
  metadata: formMetadata.optional(),
  api_version: formString(64).optional(),
  connect: z.literal("false", { error: "Kassa has no connected accounts: connect must be false" }).optional(),
  expand: expandParam,
});

const updateBody = z.strictObject({
  url: formUrl.optional(),
  enabled_events: enabledEvents.optional(),
  description: z.union([z.literal(""), formString(200)]).optional(),
  metadata: metadataUpdate.optional(),
  disabled: formBoolean.optional(),
  api_version: formString(64).optional(),
  expand: expandParam,
});

export const create = stripeOperation({
  body: createBody,
  // The signing secret is kept sealed with the endpoint, never in the replay store: a replay reads it back.
  replay: {
    stored: (result) => ({ ...result, body: { ...(result.body as object), secret: undefined } }),
    completed: async (stored, { db, auth }) => {
      const body = stored.body as { id: string };
      return ok({ ...body, secret: revealSecret(await getWebhookEndpoint(db, auth.owner, body.id)) });
    },
  },
  handle: async ({ db, auth, body }) => {
    expansions(body.expand, []);
    const { endpoint, secret } = await createWebhookEndpoint(db, auth.owner, {
      url: body.url,
      events: body.enabled_events,
      description: body.description ?? null,
      metadata: body.metadata ?? {},
      // Made through Stripe's API: it hears only Stripe events, which its SDK can verify.
      dialect: "stripe",
      dialectData: body.api_version ? { api_version: body.api_version } : {},
    });
    return ok(renderWebhookEndpoint(endpoint, secret));
  },
});

export const listAll = stripeOperation({
  query: z.strictObject(listParams),
  handle: async ({ db, auth, query }) => {
    expansions(query.expand, [], { list: true });
    oneCursor(query);
    const all = await listWebhookEndpoints(db, auth.owner);
    const at = (id: string, param: string) => {
      const index = all.findIndex((endpoint) => endpoint.id === id);
      if (index < 0) throw notFound("webhook_endpoint", id, param);
      return index;
    };
    const start = query.starting_after ? at(query.starting_after, "starting_after") + 1 : 0;
    const end = query.ending_before ? at(query.ending_before, "ending_before") : undefined;
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
    return ok(renderWebhookEndpoint(await getWebhookEndpoint(db, auth.owner, params.id)));
  },
});

export const update = stripeOperation({
  params: idParams,
  body: updateBody,
  handle: async ({ db, auth, params, body }) => {
    expansions(body.expand, []);
    const endpoint = await updateWebhookEndpoint(db, auth.owner, params.id, {
      url: body.url,
      events: body.enabled_events,
      description: body.description === undefined ? undefined : body.description || null,
      metadata: metadataPatch(body.metadata),
      ...(body.api_version ? { dialectData: { api_version: body.api_version } } : {}),
      enabled: body.disabled === undefined ? undefined : !body.disabled,
    });
    return ok(renderWebhookEndpoint(endpoint));
  },
});

export const remove = stripeOperation({
  params: idParams,
  handle: async ({ db, auth, params }) => {
    await deleteWebhookEndpoint(db, auth.owner, params.id);
    return deleted(params.id, "webhook_endpoint");
  },
});

