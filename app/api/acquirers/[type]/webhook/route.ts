import { z } from "zod";
import { receiveAcquirerWebhook } from "@/lib/checkout/processors/receive-webhook";
import { nativeDialect } from "@/lib/dialects/native/dialect";
import { ok } from "@/lib/http/api-result";
import { apiRoute } from "@/lib/http/api-route";
import type { ApiDialect } from "@/lib/http/dialect";
import { otherMethods } from "@/lib/http/route-methods";

/** The signature covers the bytes as sent, so the body reaches the handler unparsed. */
const rawBody: ApiDialect = { ...nativeDialect, parseBody: (text) => ({ raw: text }) };

/**
 * An acquirer's own webhooks (Stripe's, at /api/acquirers/stripe/webhook): answers that arrive after
 * Kassa stopped waiting. Authenticated by the acquirer's signature, checked inside with the secret of
 * the merchant whose attempt the body names.
 */
export const POST = apiRoute({
  dialect: rawBody,
  auth: "public",
  params: z.object({ type: z.string().regex(/^[a-z0-9_-]{1,32}$/, { error: "must be an acquirer's name, such as stripe" }) }),
  body: z.object({ raw: z.string() }),
  // The acquirer retries with the same event; settling is guarded, so a repeat changes nothing.
  idempotency: "none",
  handle: async ({ db, params, body, request }) => ok({ received: true, outcome: await receiveAcquirerWebhook(db, params.type, body.raw, request.headers) }),
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(nativeDialect, { POST });
