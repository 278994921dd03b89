/** Where the Stripe adapter sends its calls: Stripe's API, unless KASSA_STRIPE_API_URL names another. */
export type StripeApiAddress = { host: string; port: number; protocol: "http" | "https" };

const STRIPE_API = "https://api.stripe.com";
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * KASSA_STRIPE_API_URL points the adapter at a Stripe-compatible server for tests. Only Stripe's own
 * API or this machine are accepted, as with private webhooks: a mistyped host must never receive card
 * numbers and live keys.
 */
export function stripeApiAddress(configured = process.env.KASSA_STRIPE_API_URL): StripeApiAddress {
  const url = new URL(configured || STRIPE_API);
  const protocol = url.protocol.slice(0, -1);
  const isStripe = protocol === "https" && url.hostname === "api.stripe.com";
  const isLoopback = (protocol === "http" || protocol === "https") && LOOPBACK.has(url.hostname);
  if (!isStripe && !isLoopback) {
    throw new Error(`KASSA_STRIPE_API_URL must be ${STRIPE_API} or a loopback address (http://127.0.0.1:<port>), not ${url.origin}`);
  }
  const port = url.port ? Number(url.port) : protocol === "https" ? 443 : 80;
  return { host: url.hostname.replace(/^\[|\]$/g, ""), port, protocol: protocol as "http" | "https" };
}
