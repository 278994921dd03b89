import type { RouteModule } from "@/lib/openapi/build-document";
import { catalogRoutes } from "./catalog";
import { checkoutSessionRoutes } from "./checkout-sessions";
import { eventRoutes } from "./events";
import { paymentIntentRoutes } from "./payment-intents";
import { refundRoutes } from "./refunds";
import { webhookEndpointRoutes } from "./webhook-endpoints";

/** Every Stripe resource Kassa serves, under /v1 beside seed 000's /v1/payments. */
export const stripeRoutes: readonly RouteModule[] = [
  ...checkoutSessionRoutes,
  ...paymentIntentRoutes,
  ...refundRoutes,
  ...catalogRoutes,
  ...eventRoutes,
  ...webhookEndpointRoutes,
];
