/**
 * Every API route file, by the path it answers, for the API reference, then the routes dialects serve
 * from their own folders (DialectDefinition.routes). Catch-all routes (unknown paths), next-auth's
 * own and this reference's are not API operations. A test fails when a route file is missing here, so
 * a new route cannot go undocumented.
 */
import { dialectRoutes } from "@/lib/dialects/registry";
import type { RouteModule } from "@/lib/openapi/build-document";
import * as acquirerSettings from "@/app/api/v1/merchants/[id]/acquirer/route";
import * as acquirerWebhook from "@/app/api/acquirers/[type]/webhook/route";
import * as r0 from "@/app/api/connect/exchange/route";
import * as r1 from "@/app/api/health/route";
import * as r2 from "@/app/api/merchant/setup-status/route";
import * as r3 from "@/app/api/payments/route";
import * as r4 from "@/app/api/payments/[id]/route";
import * as r5 from "@/app/api/payments/[id]/status/route";
import * as r6 from "@/app/api/platform/intents/route";
import * as r7 from "@/app/api/platform/intents/reference/[reference_id]/route";
import * as r8 from "@/app/api/platform/intents/[id]/route";
import * as r9 from "@/app/api/platform/intents/[id]/cancel/route";
import * as r10 from "@/app/api/platform/subscriptions/[id]/cancel/route";
import * as r11 from "@/app/api/public/payment-intents/[id]/route";
import * as r12 from "@/app/api/public/payment-intents/[id]/confirm/route";
import * as r13 from "@/app/api/v1/auth/login/route";
import * as r14 from "@/app/api/v1/auth/register/route";
import * as r15 from "@/app/api/v1/checkouts/route";
import * as r16 from "@/app/api/v1/events/[id]/redeliver/route";
import * as r17 from "@/app/api/v1/merchants/route";
import * as r18 from "@/app/api/v1/merchants/[id]/route";
import * as r19 from "@/app/api/v1/merchants/[id]/api-keys/route";
import * as r20 from "@/app/api/v1/merchants/[id]/api-keys/[key_id]/route";
import * as r21 from "@/app/api/v1/payment-intents/route";
import * as r22 from "@/app/api/v1/payment-intents/[id]/route";
import * as r23 from "@/app/api/v1/payment-intents/[id]/cancel/route";
import * as r24 from "@/app/api/v1/payment-intents/[id]/capture/route";
import * as r25 from "@/app/api/v1/payment-intents/[id]/confirm/route";
import * as r26 from "@/app/api/v1/payment-intents/[id]/refunds/route";
import * as r27 from "@/app/api/v1/payment-intents/[id]/void/route";
import * as r28 from "@/app/api/v1/payment-links/route";
import * as r29 from "@/app/api/v1/payment-links/[id]/route";
import * as r30 from "@/app/api/v1/payment-links/[id]/deactivate/route";
import * as r31 from "@/app/api/v1/payments/route";
import * as r32 from "@/app/api/v1/payments/[id]/route";
import * as r33 from "@/app/api/v1/subscriptions/route";
import * as r34 from "@/app/api/v1/subscriptions/[id]/route";
import * as r35 from "@/app/api/v1/subscriptions/[id]/cancel/route";
import * as r36 from "@/app/api/v1/webhook-endpoints/route";
import * as r37 from "@/app/api/v1/webhook-endpoints/[id]/route";
import * as r38 from "@/app/api/v1/webhook-endpoints/[id]/deliveries/route";
import * as r39 from "@/app/api/v1/webhook-endpoints/[id]/rotate-secret/route";
import * as r40 from "@/app/api/v1/webhook-endpoints/[id]/test/route";
import * as testClocks from "@/app/api/v1/test-clocks/route";
import * as testClock from "@/app/api/v1/test-clocks/[id]/route";
import * as advanceTestClock from "@/app/api/v1/test-clocks/[id]/advance/route";
import * as simulateIntent from "@/app/api/v1/test-helpers/payment-intents/[id]/[action]/route";
import * as failNextRenewal from "@/app/api/v1/test-helpers/subscriptions/[id]/fail_next_renewal/route";
import * as r41 from "@/app/v1/payments/route";
import * as r42 from "@/app/v1/payments/[id]/route";

const APP_ROUTES: RouteModule[] = [
  { path: "/api/acquirers/{type}/webhook", module: acquirerWebhook },
  { path: "/api/connect/exchange", module: r0 },
  { path: "/api/health", module: r1 },
  { path: "/api/merchant/setup-status", module: r2 },
  { path: "/api/payments", module: r3 },
  { path: "/api/payments/{id}", module: r4 },
  { path: "/api/payments/{id}/status", module: r5 },
  { path: "/api/platform/intents", module: r6 },
  { path: "/api/platform/intents/reference/{reference_id}", module: r7 },
  { path: "/api/platform/intents/{id}", module: r8 },
  { path: "/api/platform/intents/{id}/cancel", module: r9 },
  { path: "/api/platform/subscriptions/{id}/cancel", module: r10 },
  { path: "/api/public/payment-intents/{id}", module: r11 },
  { path: "/api/public/payment-intents/{id}/confirm", module: r12 },
  { path: "/api/v1/auth/login", module: r13 },
  { path: "/api/v1/auth/register", module: r14 },
  { path: "/api/v1/checkouts", module: r15 },
  { path: "/api/v1/events/{id}/redeliver", module: r16 },
  { path: "/api/v1/merchants", module: r17 },
  { path: "/api/v1/merchants/{id}", module: r18 },
  { path: "/api/v1/merchants/{id}/acquirer", module: acquirerSettings },
  { path: "/api/v1/merchants/{id}/api-keys", module: r19 },
  { path: "/api/v1/merchants/{id}/api-keys/{key_id}", module: r20 },
  { path: "/api/v1/payment-intents", module: r21 },
  { path: "/api/v1/payment-intents/{id}", module: r22 },
  { path: "/api/v1/payment-intents/{id}/cancel", module: r23 },
  { path: "/api/v1/payment-intents/{id}/capture", module: r24 },
  { path: "/api/v1/payment-intents/{id}/confirm", module: r25 },
  { path: "/api/v1/payment-intents/{id}/refunds", module: r26 },
  { path: "/api/v1/payment-intents/{id}/void", module: r27 },
  { path: "/api/v1/payment-links", module: r28 },
  { path: "/api/v1/payment-links/{id}", module: r29 },
  { path: "/api/v1/payment-links/{id}/deactivate", module: r30 },
  { path: "/api/v1/payments", module: r31 },
  { path: "/api/v1/payments/{id}", module: r32 },
  { path: "/api/v1/subscriptions", module: r33 },
  { path: "/api/v1/subscriptions/{id}", module: r34 },
  { path: "/api/v1/subscriptions/{id}/cancel", module: r35 },
  { path: "/api/v1/webhook-endpoints", module: r36 },
  { path: "/api/v1/webhook-endpoints/{id}", module: r37 },
  { path: "/api/v1/webhook-endpoints/{id}/deliveries", module: r38 },
  { path: "/api/v1/webhook-endpoints/{id}/rotate-secret", module: r39 },
  { path: "/api/v1/webhook-endpoints/{id}/test", module: r40 },
  { path: "/api/v1/test-clocks", module: testClocks },
  { path: "/api/v1/test-clocks/{id}", module: testClock },
  { path: "/api/v1/test-clocks/{id}/advance", module: advanceTestClock },
  { path: "/api/v1/test-helpers/payment-intents/{id}/{action}", module: simulateIntent },
  { path: "/api/v1/test-helpers/subscriptions/{id}/fail_next_renewal", module: failNextRenewal },
  { path: "/v1/payments", module: r41 },
  { path: "/v1/payments/{id}", module: r42 },
];

export const API_ROUTES: RouteModule[] = [...APP_ROUTES, ...(await dialectRoutes())];
