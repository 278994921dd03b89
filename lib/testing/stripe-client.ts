import Stripe from "stripe";
import { getDb } from "@/db/client";
import { serveDialectRoute } from "@/lib/http/dialect-routes";
import { deliverDueWebhooks } from "@/lib/webhooks/deliver-webhooks";
import { createTestMerchant, type TestMerchant } from "./fixtures";
import { serveRoutes } from "./route-server";
import { startWebhookReceiver } from "./webhook-receiver";

/**
 * What a Stripe integration's test sees: Kassa behind a real HTTP port, the official `stripe` package
 * pointed at it with host, port and protocol only, and a webhook receiver on loopback.
 */
export async function startStripeWorld() {
  process.env.KASSA_ALLOW_PRIVATE_WEBHOOKS = "1";
  const server = await serveRoutes(serveDialectRoute);
  const receiver = await startWebhookReceiver();
  const client = (secretKey: string, options: Stripe.StripeConfig = {}) =>
    new Stripe(secretKey, { host: "127.0.0.1", port: server.port, protocol: "http", maxNetworkRetries: 0, ...options });

  /** A fresh merchant with a Stripe client, and a webhook endpoint made through Stripe's own API. */
  async function merchant(): Promise<{ merchant: TestMerchant; stripe: Stripe; webhookSecret: string }> {
    const merchant = await createTestMerchant();
    const stripe = client(merchant.secretKey);
    const endpoint = await stripe.webhookEndpoints.create({ url: receiver.url, enabled_events: ["*"] });
    return { merchant, stripe, webhookSecret: endpoint.secret! };
  }

  /** Sends every due webhook now; the receiver has them when this returns. */
  async function deliver() {
    const db = await getDb();
    while ((await deliverDueWebhooks(db)) > 0);
  }

  /** The Stripe events the receiver got for one endpoint secret, each checked by stripe.webhooks.constructEvent. */
  function eventsFor(stripe: Stripe, secret: string): Stripe.Event[] {
    return receiver.received.flatMap((hook) => {
      try {
        return [stripe.webhooks.constructEvent(hook.body, hook.headers["stripe-signature"]!, secret)];
      } catch {
        return [];
      }
    });
  }

  return {
    server,
    receiver,
    client,
    merchant,
    deliver,
    eventsFor,
    close: async () => Promise.all([server.close(), receiver.close()]),
  };
}
