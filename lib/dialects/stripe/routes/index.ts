import type { RouteModule } from "@/lib/openapi/build-document";

/**
 * Every Stripe resource Kassa serves, under /v1 beside seed 000's /v1/payments. The files are laid out
 * as app/ lays out routes (lib/testing/api-routes.ts finds them the same way); the catch-all routes
 * answer them through lib/http/dialect-routes.ts.
 */
export async function stripeRoutes(): Promise<RouteModule[]> {
  return [
    { path: "/v1/checkout/sessions", module: await import("./v1/checkout/sessions/route") },
    { path: "/v1/checkout/sessions/{id}", module: await import("./v1/checkout/sessions/[id]/route") },
    { path: "/v1/checkout/sessions/{id}/expire", module: await import("./v1/checkout/sessions/[id]/expire/route") },
    { path: "/v1/checkout/sessions/{id}/line_items", module: await import("./v1/checkout/sessions/[id]/line_items/route") },
    { path: "/v1/payment_intents", module: await import("./v1/payment_intents/route") },
    { path: "/v1/payment_intents/{id}", module: await import("./v1/payment_intents/[id]/route") },
    { path: "/v1/payment_intents/{id}/confirm", module: await import("./v1/payment_intents/[id]/confirm/route") },
    { path: "/v1/payment_intents/{id}/capture", module: await import("./v1/payment_intents/[id]/capture/route") },
    { path: "/v1/payment_intents/{id}/cancel", module: await import("./v1/payment_intents/[id]/cancel/route") },
    { path: "/v1/refunds", module: await import("./v1/refunds/route") },
    { path: "/v1/refunds/{id}", module: await import("./v1/refunds/[id]/route") },
    { path: "/v1/products", module: await import("./v1/products/route") },
    { path: "/v1/products/{id}", module: await import("./v1/products/[id]/route") },
    { path: "/v1/prices", module: await import("./v1/prices/route") },
    { path: "/v1/prices/{id}", module: await import("./v1/prices/[id]/route") },
    { path: "/v1/customers", module: await import("./v1/customers/route") },
    { path: "/v1/customers/{id}", module: await import("./v1/customers/[id]/route") },
    { path: "/v1/events", module: await import("./v1/events/route") },
    { path: "/v1/events/{id}", module: await import("./v1/events/[id]/route") },
    { path: "/v1/webhook_endpoints", module: await import("./v1/webhook_endpoints/route") },
    { path: "/v1/webhook_endpoints/{id}", module: await import("./v1/webhook_endpoints/[id]/route") },
    { path: "/v1/test_helpers/test_clocks", module: await import("./v1/test_helpers/test_clocks/route") },
    { path: "/v1/test_helpers/test_clocks/{id}", module: await import("./v1/test_helpers/test_clocks/[id]/route") },
    { path: "/v1/test_helpers/test_clocks/{id}/advance", module: await import("./v1/test_helpers/test_clocks/[id]/advance/route") },
  ];
}
