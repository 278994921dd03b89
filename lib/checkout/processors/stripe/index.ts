import Stripe from "stripe";
import type { AcquirerDefinition } from "../acquirer";
import { processorTimeoutMs } from "../../authorize-attempt";
import { stripeApiAddress } from "./api-url";
import { StripeProcessor } from "./stripe-processor";

/** A merchant's own Stripe account: Kassa's page takes the card, Stripe moves the money. */
export const stripeAcquirer: AcquirerDefinition = {
  type: "stripe",
  label: "Stripe",
  secretKeyHint: "a secret key (sk_live_…) or a restricted key (rk_live_…) from the Stripe dashboard",
  webhookSecretHint: "The signing secret (whsec_…) of a Stripe webhook endpoint sending payment_intent events to",
  checkSecretKey(secretKey) {
    if (/^pk_/.test(secretKey)) return "is a publishable key; Kassa needs the secret key (sk_live_…), which only your server sees";
    if (!/^(sk|rk)_(live|test)_[A-Za-z0-9_]{8,}$/.test(secretKey)) return "must be a Stripe secret key, such as sk_live_…";
    return null;
  },
  checkWebhookSecret(secret) {
    return /^whsec_[A-Za-z0-9+/=_]{8,}$/.test(secret) ? null : "must be a Stripe webhook signing secret, such as whsec_…";
  },
  processor({ secretKey }) {
    const address = stripeApiAddress();
    // Two tries per call at most: each carries the same Idempotency-Key, and the worker asks again later.
    return new StripeProcessor(new Stripe(secretKey, { ...address, maxNetworkRetries: 1, timeout: processorTimeoutMs(), telemetry: false }));
  },
  webhook: {
    referenceOf(rawBody) {
      try {
        const event = JSON.parse(rawBody) as { type?: unknown; data?: { object?: { object?: unknown; metadata?: Record<string, unknown> } } };
        const object = event.data?.object;
        const reference = object?.object === "payment_intent" ? object.metadata?.kassa_reference : undefined;
        return typeof reference === "string" && reference.length <= 64 ? reference : null;
      } catch {
        return null;
      }
    },
    verify(rawBody, headers, secret) {
      const signature = headers.get("stripe-signature");
      if (!signature) return false;
      try {
        Stripe.webhooks.constructEvent(rawBody, signature, secret);
        return true;
      } catch {
        return false;
      }
    },
  },
};
