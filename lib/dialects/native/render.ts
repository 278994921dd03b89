import type { ApiKey, CardToken, Merchant, MerchantAcquirer, Refund, Subscription, TestClock, User, WebhookEndpoint } from "@/db/schema";
import type { DeliveryLog } from "@/lib/webhooks/list-deliveries";
import { checkoutUrl } from "@/lib/checkout/checkout-url";
import type { AttemptWithCard, IntentDetails } from "@/lib/intents/intent-details";
import { nextAction } from "@/lib/checkout/next-action";
import { acquirerWebhookUrl } from "@/lib/checkout/processors/webhook-url";
import { depositAddress } from "@/lib/stablecoins/wallet-key";

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function renderUser(user: User) {
  return { id: user.id, object: "user", email: user.email, name: user.name, created_at: iso(user.createdAt) };
}

export function renderMerchant(merchant: Merchant, role?: string) {
  return {
    id: merchant.id,
    object: "merchant",
    name: merchant.name,
    display_name: merchant.displayName,
    status: merchant.status,
    brand_color: merchant.brandColor,
    logo_url: merchant.logoUrl,
    allowed_origins: merchant.allowedOrigins,
    minimum_amounts: merchant.minimumAmounts,
    receipts_enabled: merchant.receiptsEnabled,
    // The wallet key reveals every address and so all the merchant's takings: its owner's to see.
    stablecoin_wallet_set: merchant.stablecoinXpub !== null,
    ...(role === "owner"
      ? {
          stablecoin_xpub: merchant.stablecoinXpub,
          // The first address Kassa will derive, for the merchant to find in their own wallet before any payment.
          stablecoin_first_address: merchant.stablecoinXpub ? depositAddress(merchant.stablecoinXpub, 0) : null,
        }
      : {}),
    ...(role ? { role } : {}),
    created_at: iso(merchant.createdAt),
    updated_at: iso(merchant.updatedAt),
  };
}

export function renderApiKey(key: ApiKey, secretKey?: string) {
  return {
    id: key.id,
    object: "api_key",
    label: key.label,
    mode: key.mode,
    livemode: key.mode === "live",
    client_id: key.clientId,
    ...(secretKey ? { secret_key: secretKey } : { secret_hint: key.secretHint }),
    created_at: iso(key.createdAt),
    last_used_at: iso(key.lastUsedAt),
    revoked_at: iso(key.revokedAt),
  };
}

/** The acquirer as the merchant may see it again: its kind and the key's last four, never a secret. */
export function renderAcquirer(acquirer: MerchantAcquirer, deleted = false) {
  return {
    object: "acquirer",
    type: acquirer.type,
    secret_key_last4: acquirer.secretLast4,
    webhook_secret_set: acquirer.webhookSecretCiphertext !== null,
    webhook_url: acquirerWebhookUrl(acquirer.type),
    ...(deleted ? { deleted: true } : {}),
    created_at: iso(acquirer.createdAt),
    updated_at: iso(acquirer.updatedAt),
  };
}

function renderCard(card: CardToken) {
  return { brand: card.brand, last4: card.last4, exp_month: card.expMonth, exp_year: card.expYear };
}

function renderAttempt(attempt: AttemptWithCard) {
  return {
    id: attempt.id,
    object: "payment_attempt",
    number: attempt.number,
    status: attempt.status,
    amount: attempt.amount,
    currency: attempt.currency,
    decline_code: attempt.declineCode,
    failure_message: attempt.failureMessage,
    card: renderCard(attempt.card),
    created_at: iso(attempt.createdAt),
  };
}

export function renderIntent(intent: IntentDetails) {
  return {
    id: intent.id,
    object: "payment_intent",
    livemode: intent.mode === "live",
    amount: intent.amount,
    amount_captured: intent.amountCaptured,
    amount_refunded: intent.amountRefunded,
    currency: intent.currency,
    status: intent.status,
    capture_method: intent.captureMethod,
    client_secret: intent.clientSecret,
    checkout_url: checkoutUrl(intent),
    ui_mode: intent.uiMode,
    description: intent.description,
    reference_id: intent.referenceId,
    customer_email: intent.customerEmail ?? intent.buyerEmail,
    customer_name: intent.customerName,
    locale: intent.locale,
    next_action: nextAction(intent),
    line_items: intent.lineItems.map((item) => ({
      name: item.name,
      quantity: item.quantity,
      unit_amount: item.unitAmount,
      amount: item.quantity * item.unitAmount,
    })),
    metadata: intent.metadata,
    success_url: intent.successUrl,
    cancel_url: intent.cancelUrl,
    last_error: intent.lastError
      ? { type: "card_error", code: intent.lastError.code, decline_code: intent.lastError.declineCode, message: intent.lastError.message }
      : null,
    attempt_count: intent.attemptCount,
    attempts: intent.attempts.map(renderAttempt),
    payment_method: intent.card ? { type: "card", card: renderCard(intent.card) } : intent.txHash ? { type: "stablecoin" } : null,
    tx_hash: intent.txHash,
    dialect: intent.dialect,
    recurring: intent.recurringIntervalDays ? { interval_days: intent.recurringIntervalDays } : null,
    test_clock: intent.testClockId,
    expires_at: iso(intent.expiresAt),
    created_at: iso(intent.createdAt),
    authorized_at: iso(intent.authorizedAt),
    succeeded_at: iso(intent.succeededAt),
    canceled_at: iso(intent.canceledAt),
    cancellation_reason: intent.cancellationReason,
  };
}

export function renderSubscription(subscription: Subscription) {
  return {
    id: subscription.id,
    object: "subscription",
    status: subscription.status,
    amount: subscription.amount,
    currency: subscription.currency,
    interval_days: subscription.intervalDays,
    intent_id: subscription.intentId,
    dialect: subscription.dialect,
    metadata: subscription.metadata,
    current_period_start: iso(subscription.currentPeriodStart),
    current_period_end: iso(subscription.currentPeriodEnd),
    next_charge_at: subscription.status === "canceled" ? null : iso(subscription.nextChargeAt),
    failed_charges: subscription.failedCharges,
    test_clock: subscription.testClockId,
    canceled_at: iso(subscription.canceledAt),
    created_at: iso(subscription.createdAt),
  };
}

export function renderRefund(refund: Refund) {
  return {
    id: refund.id,
    object: "refund",
    payment_intent: refund.intentId,
    amount: refund.amount,
    currency: refund.currency,
    reason: refund.reason,
    status: refund.status,
    failure_message: refund.failureMessage,
    created_at: iso(refund.createdAt),
  };
}

export function renderWebhookEndpoint(endpoint: WebhookEndpoint, secret?: string) {
  return {
    id: endpoint.id,
    object: "webhook_endpoint",
    url: endpoint.url,
    description: endpoint.description,
    events: endpoint.events.length > 0 ? endpoint.events : ["*"],
    enabled: endpoint.enabled,
    disabled_reason: endpoint.disabledReason,
    test_faults: endpoint.testFaults,
    ...(secret ? { secret } : {}),
    previous_secret_expires_at: iso(endpoint.previousSecretExpiresAt),
    created_at: iso(endpoint.createdAt),
  };
}

export function renderDelivery(delivery: DeliveryLog) {
  return {
    id: delivery.id,
    object: "webhook_delivery",
    event: { id: delivery.event.id, type: delivery.event.type, created_at: iso(delivery.event.createdAt) },
    endpoint_id: delivery.endpointId,
    status: delivery.status,
    attempt_count: delivery.attemptCount,
    next_attempt_at: delivery.status === "pending" ? iso(delivery.nextAttemptAt) : null,
    last_status_code: delivery.lastStatusCode,
    last_error: delivery.lastError,
    faults: delivery.faults,
    attempts: delivery.attempts.map((attempt) => ({
      number: attempt.number,
      status_code: attempt.statusCode,
      duration_ms: attempt.durationMs,
      response_excerpt: attempt.responseExcerpt,
      error: attempt.error,
      fault: attempt.fault,
      at: iso(attempt.createdAt),
    })),
    created_at: iso(delivery.createdAt),
    completed_at: iso(delivery.completedAt),
  };
}

export function renderTestClock(clock: TestClock) {
  return {
    id: clock.id,
    object: "test_clock",
    livemode: false,
    name: clock.name,
    frozen_time: iso(clock.frozenTime),
    status: clock.advancingUntil && clock.advancingUntil.getTime() > Date.now() ? "advancing" : "ready",
    created_at: iso(clock.createdAt),
    ...(clock.deletedAt ? { deleted: true } : {}),
  };
}
