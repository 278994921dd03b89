import type { CardToken, Dialect, PaymentIntent, Refund } from "@/db/schema";
import type { AttemptWithCard, IntentDetails } from "@/lib/intents/intent-details";

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
    mode: "test",
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
    testClockId: null,
    txHash: null,
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

/** A partial refund of a sample payment. */
export function sampleRefund(intent: Pick<PaymentIntent, "id" | "merchantId" | "currency">): Refund {
  return {
    id: "re_3MtwBwLkdIwHu7ix0nyB1rzE",
    intentId: intent.id,
    merchantId: intent.merchantId,
    amount: 1000,
    currency: intent.currency,
    reason: "requested_by_customer",
    mode: "test",
    metadata: {},
    status: "succeeded",
    processorReference: null,
    failureMessage: null,
    createdAt: new Date(CREATED.getTime() + 86400_000),
    completedAt: new Date(CREATED.getTime() + 86400_000),
  };
}

/** A card and the attempt that paid with it, for examples that show a charge. */
export function samplePaidAttempt(intent: Pick<PaymentIntent, "id" | "merchantId" | "amount" | "currency">): AttemptWithCard {
  const card: CardToken = {
    id: "tok_1NgZyGLkdIwHu7ixq2Xb8Mpk",
    merchantId: intent.merchantId,
    brand: "visa",
    last4: "4242",
    expMonth: 12,
    expYear: 2030,
    fingerprint: "5f2c6c5a1d0b4e7f9a3c8d2e1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a",
    cardholderName: "Ada Lovelace",
    acquirerCustomer: null,
    acquirerPaymentMethod: null,
    createdAt: CREATED,
  };
  return {
    id: "pa_3MtwBwLkdIwHu7ix1q3KzLmN",
    intentId: intent.id,
    merchantId: intent.merchantId,
    number: 1,
    chargeId: 1,
    status: "succeeded",
    amount: intent.amount,
    currency: intent.currency,
    cardTokenId: card.id,
    declineCode: null,
    failureMessage: null,
    processorReference: "sim_Qm3Xr8TzLp2WvN6yKc1s",
    challengeUrl: null,
    createdAt: CREATED,
    completedAt: CREATED,
    card,
  };
}
