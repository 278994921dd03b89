import type { z } from "zod";
import type { Db } from "@/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";
import { expireIntentNow } from "@/lib/intents/expire-intent-now";
import { withDetail } from "@/lib/intents/intent-details";
import { listIntents } from "@/lib/intents/list-intents";
import { actorOf } from "@/lib/http/principal";
import { subscriptionOfIntent } from "@/lib/subscriptions/get-subscription";
import { createCheckoutSession } from "../actions/checkout-sessions";
import { findSession, type FoundSession } from "../actions/find-session";
import { expansions } from "../expand";
import { idParams, oneCursor } from "../params";
import { renderCheckoutSession, renderLineItems, sessionStatus } from "../render/checkout-session";
import { list } from "../render/common";
import { createSessionBody, expireSessionBody, lineItemsQuery, listSessionsQuery, retrieveSessionQuery } from "../schemas/checkout-sessions";
import { sessionIdOf } from "../ids";
import { sessionOf } from "../session-data";
import { ok, stripeOperation } from "./route";
import { type Owner } from "@/db/owner";

const offered = ["payment_intent", "line_items"] as const;

function render({ intent, session, subscription }: FoundSession, expand: string[] | undefined, options: { list?: boolean } = {}) {
  const chosen = expansions(expand, offered, options);
  return renderCheckoutSession(intent, session, subscription, { paymentIntent: chosen.has("payment_intent"), lineItems: chosen.has("line_items") });
}

export const create = stripeOperation({
  body: createSessionBody,
  handle: async ({ db, auth, body }) => {
    expansions(body.expand, offered);
    const intent = await withDetail(db, await createCheckoutSession(db, auth.account, body, actorOf(auth)));
    return ok(render({ intent, session: sessionOf(intent)!, subscription: null }, body.expand));
  },
});

/** A page of sessions: the one of a payment_intent when asked for it, else newest first. */
async function sessionsPage(db: Db, owner: Owner, query: z.infer<typeof listSessionsQuery>) {
  oneCursor(query);
  if (query.payment_intent) {
    const found = await findSession(db, owner, sessionIdOf(query.payment_intent)).catch(() => null);
    const matches = found && found.intent.id === query.payment_intent && (!query.customer || found.session.customer === query.customer);
    return { intents: matches ? [found.intent] : [], hasMore: false };
  }
  return listIntents(db, owner, {
    limit: query.limit ?? 10,
    startingAfter: query.starting_after && (await findSession(db, owner, query.starting_after, "starting_after")).intent.id,
    endingBefore: query.ending_before && (await findSession(db, owner, query.ending_before, "ending_before")).intent.id,
    dialect: "stripe",
    dialectDataKey: "checkout_session",
    ...(query.customer ? { dialectDataMatches: { customer: query.customer } } : {}),
  });
}

export const listAll = stripeOperation({
  query: listSessionsQuery,
  handle: async ({ db, auth, query }) => {
    expansions(query.expand, offered, { list: true });
    const page = await sessionsPage(db, auth.owner, query);
    const sessions = await Promise.all(
      page.intents.map(async (intent) => {
        const session = sessionOf(intent)!;
        const subscription = session.mode === "subscription" ? await subscriptionOfIntent(db, intent.id) : null;
        return render({ intent, session, subscription }, query.expand, { list: true });
      }),
    );
    return ok(list("/v1/checkout/sessions", sessions, page.hasMore));
  },
});

export const retrieve = stripeOperation({
  params: idParams,
  query: retrieveSessionQuery,
  handle: async ({ db, auth, params, query }) => ok(render(await findSession(db, auth.owner, params.id), query.expand)),
});

export const expire = stripeOperation({
  params: idParams,
  body: expireSessionBody,
  handle: async ({ db, auth, params, body }) => {
    const found = await findSession(db, auth.owner, params.id);
    if (sessionStatus(found.intent) !== "open" || found.intent.status === "processing") {
      throw new AppError("intent_unexpected_state", 'Only Checkout Sessions with a status in ["open"] can be expired, and not while a payment is being processed.');
    }
    const expired = await expireIntentNow(db, auth.owner, found.intent.id, actorOf(auth));
    return ok(render({ ...found, intent: await withDetail(db, expired) }, body.expand));
  },
});

export const lineItems = stripeOperation({
  params: idParams,
  query: lineItemsQuery,
  handle: async ({ db, auth, params, query }) => {
    oneCursor(query);
    expansions(query.expand, [], { list: true });
    const { intent, session } = await findSession(db, auth.owner, params.id);
    const all = renderLineItems(intent, session);
    const at = (id: string, param: string) => {
      const index = all.data.findIndex((item) => item.id === id);
      if (index < 0) throw notFound("line_item", id, param);
      return index;
    };
    const limit = query.limit ?? 10;
    if (query.ending_before) {
      const end = at(query.ending_before, "ending_before");
      return ok(list(all.url, all.data.slice(Math.max(0, end - limit), end), end > limit));
    }
    const start = query.starting_after ? at(query.starting_after, "starting_after") + 1 : 0;
    const page = all.data.slice(start, start + limit);
    return ok(list(all.url, page, start + page.length < all.data.length));
  },
});

