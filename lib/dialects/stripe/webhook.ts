import type { Db } from "@/db/client";
import type { WebhookMessage } from "@/db/schema";
import { hmacHex } from "@/lib/crypto/tokens";
import { WEBHOOK_EVENT_TYPES } from "@/lib/events/event-types";
import { findIntent } from "@/lib/intents/find-intent";
import { detailsOf, type IntentDetails } from "@/lib/intents/intent-details";
import { endpointsSubscribedTo } from "@/lib/webhooks/count-endpoints";
import { webhookMessageId, type WebhookFormat, type WebhookSubject } from "@/lib/webhooks/webhook-format";
import { STRIPE_API_VERSION } from "./dialect";
import { renderCharge, renderCryptoCharge, latestAttemptOf, paidAttemptOf } from "./render/charge";
import { renderCheckoutSession } from "./render/checkout-session";
import { unix } from "./render/common";
import { renderPaymentIntent } from "./render/payment-intent";
import { renderRefund } from "./render/refund";
import { renderInvoice, renderSubscription } from "./render/subscription";
import { chargeIdOf } from "./ids";
import { sessionOf } from "./session-data";

type Told = [type: string, object: unknown];

/**
 * A webhook body holds no client secret and no next_action (whose URL carries it): it is stored with
 * every delivery attempt. Stripe's own payment_intent events carry one; Kassa's never do.
 */
function withoutSecret(paymentIntent: ReturnType<typeof renderPaymentIntent>) {
  return { ...paymentIntent, client_secret: null, next_action: null };
}

function sessionWithoutSecret(intent: IntentDetails, event: WebhookSubject) {
  const session = sessionOf(intent);
  return session ? { ...renderCheckoutSession(intent, session, event.subscription ?? null), client_secret: null, url: null } : null;
}

/** What Stripe would send for a change to an intent, in the order it would. */
function paymentMessages(intent: IntentDetails, event: WebhookSubject): Told[] {
  const paymentIntent = withoutSecret(renderPaymentIntent(intent));
  const session = sessionWithoutSecret(intent, event);
  const paid = paidAttemptOf(intent);
  const latest = latestAttemptOf(intent);
  const charge = (attempt: typeof paid) => (attempt ? renderCharge(intent, attempt) : null);
  const told: (Told | false | null)[] = [];
  switch (event.type) {
    case "payment.succeeded": {
      const captured = event.details?.captured !== undefined;
      told.push(Boolean(session && !captured) && ["checkout.session.completed", session], ["payment_intent.succeeded", paymentIntent]);
      told.push(paid && [captured ? "charge.captured" : "charge.succeeded", charge(paid)]);
      // Paid on chain: no card attempt, a charge that carries the transaction.
      if (!paid && intent.txHash) told.push(["charge.succeeded", renderCryptoCharge(intent)]);
      break;
    }
    case "payment.authorized":
      told.push(Boolean(session) && ["checkout.session.completed", session], ["payment_intent.amount_capturable_updated", paymentIntent], paid && ["charge.succeeded", charge(paid)]);
      break;
    case "payment.failed":
      told.push(["payment_intent.payment_failed", paymentIntent], latest && ["charge.failed", charge(latest)]);
      if (intent.status === "failed") told.push(Boolean(session) && ["checkout.session.expired", session]);
      break;
    case "payment.canceled":
    case "payment.expired":
      told.push(["payment_intent.canceled", paymentIntent], Boolean(session && !paid) && ["checkout.session.expired", session]);
      break;
    // Paid on chain: seen and confirming, part of it arrived (as Stripe says of bank transfers), or the time up short of the amount.
    case "payment.processing":
      told.push(["payment_intent.processing", paymentIntent]);
      break;
    case "payment.partially_funded":
      told.push(["payment_intent.partially_funded", paymentIntent]);
      break;
    case "payment.underpaid":
      told.push(["payment_intent.payment_failed", paymentIntent], ["payment_intent.canceled", paymentIntent], Boolean(session) && ["checkout.session.expired", session]);
      break;
    case "payment.refunded":
      told.push(paid && ["charge.refunded", charge(paid)], Boolean(event.refund) && ["refund.created", renderRefund(event.refund!, paid ? chargeIdOf(paid.id) : null)]);
      break;
  }
  return told.filter((entry): entry is Told => Array.isArray(entry));
}

/** What Stripe would send for a change to a subscription: its own events and its invoices'. */
async function subscriptionMessages(db: Db, event: WebhookSubject): Promise<Told[]> {
  const subscription = event.subscription!;
  const first = subscription.intentId === event.intent?.id ? event.intent : await findIntent(db, subscription.merchantId, subscription.intentId);
  const session = first ? sessionOf(first) : null;
  const invoiceIntent = event.intent ?? first;
  const object = renderSubscription(subscription, session, invoiceIntent?.id ?? null);
  const invoice = invoiceIntent ? renderInvoice(invoiceIntent, subscription, session) : null;
  switch (event.type) {
    case "subscription.created":
      return [["customer.subscription.created", object], ...(invoice ? [["invoice.paid", invoice] as Told] : [])];
    case "subscription.renewed":
      return [...(invoice ? [["invoice.paid", invoice] as Told] : []), ["customer.subscription.updated", object]];
    case "subscription.failed":
      return [...(invoice ? [["invoice.payment_failed", invoice] as Told] : []), ["customer.subscription.updated", object]];
    case "subscription.canceled":
      return [["customer.subscription.deleted", object]];
    default:
      return [];
  }
}

async function renderMessages(db: Db, event: WebhookSubject): Promise<WebhookMessage[]> {
  const told = event.type.startsWith("subscription.")
    ? await subscriptionMessages(db, event)
    : event.intent
      ? paymentMessages(await detailsOf(db, event.intent), event)
      : [];
  const pending = await endpointsSubscribedTo(db, event.merchantId, "stripe", [...new Set([...told.map(([type]) => type), event.type])]);
  return told.map(([type, object], index) => ({
    type,
    body: {
      id: webhookMessageId(event.id, index),
      object: "event",
      api_version: STRIPE_API_VERSION,
      created: unix(event.createdAt),
      data: { object },
      livemode: (event.intent?.mode ?? event.subscription?.mode ?? event.mode) === "live",
      pending_webhooks: Math.max(pending.get(type) ?? 0, pending.get(event.type) ?? 0),
      request: { id: null, idempotency_key: null },
      type,
    },
  }));
}

/**
 * Stripe event objects, several per change as Stripe sends them, signed with `Stripe-Signature` so
 * `stripe.webhooks.constructEvent(raw, header, secret)` accepts them.
 */
export const stripeWebhook: WebhookFormat = {
  events: WEBHOOK_EVENT_TYPES,
  sequenceInBody: false,
  renderMessages,
  render: async (db, event) => (await renderMessages(db, event))[0]?.body ?? {},
  signatureHeaders(body, secret, sentAt) {
    const timestamp = Math.floor(sentAt.getTime() / 1000);
    return { "stripe-signature": `t=${timestamp},v1=${hmacHex(secret, `${timestamp}.${body}`)}` };
  },
};
