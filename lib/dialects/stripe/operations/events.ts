import { z } from "zod";
import type { Event } from "@/db/schema";
import type { Db } from "@/db/client";
import { notFound } from "@/lib/errors/app-error";
import { findSentEvent, sentEvents } from "@/lib/events/sent-events";
import { eventMessages } from "@/lib/webhooks/webhook-format";
import { expansions } from "../expand";
import { expandParam, formArray, formString, idParams, listParams, oneCursor } from "../params";
import { list } from "../render/common";
import { ok, stripeOperation } from "./route";
import { type Owner } from "@/db/owner";

/** A Stripe event is one webhook of a Kassa event: `evt_…` for the first, `evt_…_n` for the n-th after it. */
function messageAddress(id: string): { eventId: string; index: number } | null {
  const match = /^(evt_[A-Za-z0-9]+)(?:_([1-9]\d{0,2}))?$/.exec(id);
  return match ? { eventId: match[1]!, index: Number(match[2] ?? 0) } : null;
}

type Told = { event: Event; index: number; body: Record<string, unknown> };

/** An event's webhooks, newest first, as Stripe lists them. */
const toldNewestFirst = (event: Event): Told[] => eventMessages(event).map((message, index) => ({ event, index, body: message.body })).reverse();

async function findTold(db: Db, owner: Owner, id: string, param: string): Promise<{ event: Event; index: number; body: Record<string, unknown> }> {
  const address = messageAddress(id);
  const event = address ? await findSentEvent(db, owner, "stripe", address.eventId) : null;
  const message = event ? eventMessages(event)[address!.index] : undefined;
  if (!event || !message) throw notFound("event", id, param);
  return { event, index: address!.index, body: message.body };
}

const BATCH = 100;
const LISTED_FOR_MS = 30 * 24 * 3600 * 1000;

/**
 * A page of Stripe events after (older than) or before (newer than) one of them. Kassa events are
 * read a batch at a time until the page is full, since each holds one or more Stripe events and a type
 * filter may skip some.
 */
async function page(db: Db, owner: Owner, query: { limit: number; after?: string; before?: string; types?: string[] }) {
  const cursorId = query.after ?? query.before;
  const cursor = cursorId ? await findTold(db, owner, cursorId, query.after ? "starting_after" : "ending_before") : null;
  const direction = query.before && !query.after ? "newer" : "older";
  const wanted = (told: Told) => !query.types || query.types.some((type) => (type.endsWith("*") ? String(told.body.type).startsWith(type.slice(0, -1)) : told.body.type === type));
  // As Stripe does, events are listed for 30 days: that also bounds how far a type filter reads.
  const notBefore = new Date(Date.now() - LISTED_FOR_MS);
  // What is left of the cursor's own event on this side of it.
  let found = cursor ? toldNewestFirst(cursor.event).filter((told) => (direction === "older" ? told.index < cursor.index : told.index > cursor.index)) : [];
  if (direction === "newer") found.reverse();
  found = found.filter(wanted);
  let from = cursor?.event;
  for (;;) {
    if (found.length > query.limit) break;
    const batch = await sentEvents(db, owner, "stripe", { from, direction, limit: BATCH, notBefore });
    for (const event of batch) {
      const told = toldNewestFirst(event);
      found.push(...(direction === "older" ? told : told.reverse()).filter(wanted));
    }
    if (batch.length < BATCH) break;
    from = batch.at(-1);
  }
  const items = found.slice(0, query.limit);
  return { data: (direction === "older" ? items : items.reverse()).map((told) => told.body), hasMore: found.length > query.limit };
}

const listEventsQuery = z.strictObject({ ...listParams, type: formString(100).optional(), types: formArray(formString(100), 20).optional() });

export const listAll = stripeOperation({
  query: listEventsQuery,
  handle: async ({ db, auth, query }) => {
    oneCursor(query);
    expansions(query.expand, [], { list: true });
    const types = query.type ? [query.type] : query.types;
    const result = await page(db, auth.owner, { limit: query.limit ?? 10, after: query.starting_after, before: query.ending_before, types });
    return ok(list("/v1/events", result.data, result.hasMore));
  },
});

export const retrieve = stripeOperation({
  params: idParams,
  query: z.strictObject({ expand: expandParam }),
  handle: async ({ db, auth, params, query }) => {
    expansions(query.expand, []);
    return ok((await findTold(db, auth.owner, params.id, "id")).body);
  },
});

