import type { Dialect, PaymentIntent } from "@/db/schema";
import type { IntentDetails } from "@/lib/intents/intent-details";

const CREATED = new Date("2026-01-15T10:30:00Z");

/**
 * A paid intent as each dialect's own renderer would show it: the API reference's examples are
 * drawn by the same code that answers requests, from this one sample.
 */
export function sampleIntent(dialect: Dialect, id = "pi_3MtwBwLkdIwHu7ix28a3tqPa"): IntentDetails {
  const intent: PaymentIntent = {
    id,
    merchantId: "7c1f3c62-5b1e-4a7e-9f7e-0d6a8f1b2c3d",
    dialect,
    apiKeyId: null,
    status: "succeeded",
    amount: 4200,
    currency: "USD",
    taxAmount: 0,
    discountAmount: 0,
    amountCaptured: 4200,
    amountRefunded: 0,
    description: "2 × Ethiopia Guji, 250 g",
    referenceId: "ORDER-1042",
    referenceUnique: false,
    customerEmail: "ada@example.com",
    customerName: "Ada Lovelace",
    locale: null,
    buyerEmail: null,
    buyerLocale: null,
    lineItems: [{ name: "Ethiopia Guji, 250 g", quantity: 2, unitAmount: 2100 }],
    metadata: { order_id: "1042" },
    dialectData: {},
    checkoutId: null,
    paymentLinkId: null,
    recurringIntervalDays: null,
    subscriptionId: null,
    subscriptionPeriod: null,
    uiMode: "hosted",
    captureMethod: "automatic",
    successUrl: "https://shop.example/thanks?session={CHECKOUT_SESSION_ID}",
    cancelUrl: "https://shop.example/cart",
    clientSecret: `${id}_secret_Xq2k9ZbLr0aTmV7sW4yN8cPd`,
    attemptCount: 1,
    lastError: null,
    cardTokenId: null,
    expiresAt: new Date(CREATED.getTime() + 3600_000),
    authorizedAt: CREATED,
    pendingOperation: null,
    pendingOperationAmount: null,
    pendingOperationAt: null,
    succeededAt: CREATED,
    canceledAt: null,
    cancellationReason: null,
    createdAt: CREATED,
    updatedAt: CREATED,
  };
  return { ...intent, attempts: [], card: null };
}
