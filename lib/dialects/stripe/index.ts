import type { DialectDefinition } from "../definition";
import { stripeDialect } from "./dialect";
import { newPaymentIntentId, sessionIdOf } from "./ids";
import { stripeReference } from "./reference";
import { stripeSnippet } from "./snippet";
import { stripeWebhook } from "./webhook";

/** Stripe's API, as its official SDKs speak it (CONTRACTS.md section 3), on Kassa's own core and page. */
export const stripe: DialectDefinition = {
  name: "stripe",
  api: stripeDialect,
  // Its resources under /v1; the rest of /v1 is seed 000's.
  pathPrefixes: ["/v1/checkout", "/v1/payment_intents", "/v1/refunds", "/v1/products", "/v1/prices", "/v1/customers", "/v1/events", "/v1/webhook_endpoints"],
  newIntentId: newPaymentIntentId,
  // Stripe's return URLs name the session, not its PaymentIntent.
  checkoutSessionId: sessionIdOf,
  webhook: stripeWebhook,
  reference: stripeReference,
  snippet: stripeSnippet,
  routes: async () => (await import("./routes")).stripeRoutes(),
};
