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
    // A Stripe test key would make live payments "succeed" with test cards and move no money; only
    // a test server on this machine (KASSA_STRIPE_API_URL on loopback) may take one.
    if (/_test_/.test(secretKey) && stripeApiAddress().host === "api.stripe.com") return "is a test key (sk_test_…); live payments need a live key (sk_live_…)";
    return null;
  },
  checkWebhookSecret(secret) {
    return /^whsec_[A-Za-z0-9+/=_]{8,}$/.test(secret) ? null : "must be a Stripe webhook signing secret, such as whsec_…";
  },
  processor({ secretKey }) {
    const address = stripeApiAddress();
    // A payment makes up to four calls in a row (payment method, customer, create, confirm); each
    // must end well within Kassa's own limit, so none is still running, unseen, once Kassa stops
    // waiting. No retries of the SDK's own: Kassa reads back what a lost answer did, by reference.
    const timeout = Math.max(1000, Math.floor(processorTimeoutMs() / 5));
    return new StripeProcessor(new Stripe(secretKey, { ...address, maxNetworkRetries: 0, timeout, telemetry: false }));
  },
  webhook: {
    referenceOf(rawBody) {
      const object = paymentIntentOf(rawBody);
      const reference = object?.metadata?.kassa_reference;
      return typeof reference === "string" && reference.length <= 64 ? reference : null;
    },
    isFinal(rawBody) {
      // Kassa confirms every PaymentIntent as it creates it: requires_payment_method after that is a decline.
      return ["succeeded", "requires_capture", "requires_payment_method", "canceled"].includes(String(paymentIntentOf(rawBody)?.status));
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

/** The PaymentIntent a Stripe event is about, if it is about one. */
function paymentIntentOf(rawBody: string): { status?: unknown; metadata?: Record<string, unknown> } | null {
  try {
    const event = JSON.parse(rawBody) as { data?: { object?: { object?: unknown; status?: unknown; metadata?: Record<string, unknown> } } };
    const object = event.data?.object;
    return object?.object === "payment_intent" ? object : null;
  } catch {
    return null;
  }
}
