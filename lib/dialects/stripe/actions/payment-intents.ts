import type { z } from "zod";
import { ownerOf, type Account } from "@/db/owner";
import type { Mode } from "@/db/schema";
import type { Db } from "@/db/client";
import { validateCard, type CardInput } from "@/lib/checkout/card";
import { confirmIntent, type ConfirmResult } from "@/lib/checkout/confirm-intent";
import { AppError } from "@/lib/errors/app-error";
import type { Actor } from "@/lib/events/record-event";
import { createIntent } from "@/lib/intents/create-intent";
import { getDialectObject } from "@/lib/dialect-objects/get-dialect-object";
import { getIntent } from "@/lib/intents/get-intent";
import { updateIntent } from "@/lib/intents/update-intent";
import { newPaymentIntentId } from "../ids";
import { testPaymentMethodCard } from "../payment-methods";
import type { confirmPaymentIntentBody, createPaymentIntentBody } from "../schemas/payment-intents";
import { intentData } from "../session-data";
import { customerClock } from "./customer-clock";

type CreateBody = z.infer<typeof createPaymentIntentBody>;
type ConfirmBody = z.infer<typeof confirmPaymentIntentBody>;

/** Stripe's automatic_async captures at once too: the difference is only when Stripe books it. */
const captureOf = (method: string | undefined) => (method === undefined ? undefined : method === "manual" ? "manual" : "automatic");

/**
 * A PaymentIntent as Kassa's intent, not yet confirmed. With confirm=true its card is checked first,
 * so a card that cannot be one leaves nothing behind.
 */
export async function createPaymentIntent(db: Db, merchant: Account, body: CreateBody, actor: Actor) {
  if (body.payment_method && body.payment_method_data) throw bothPaymentMethods();
  if (body.confirm) validateCard(cardOf(body, null, merchant.mode));
  else if (body.payment_method_data) {
    throw new AppError("parameter_invalid", "payment_method_data needs confirm=true: Kassa never keeps card details to charge later.", { param: "payment_method_data" });
  }
  const customer = body.customer ? await getDialectObject(db, ownerOf(merchant), "stripe", "customer", body.customer, "customer") : null;
  return createIntent(
    db,
    merchant,
    {
      dialect: "stripe",
      id: newPaymentIntentId(),
      amount: body.amount,
      currency: body.currency,
      description: body.description ?? null,
      customerEmail: body.receipt_email ?? null,
      metadata: body.metadata ?? {},
      captureMethod: captureOf(body.capture_method) ?? "automatic",
      successUrl: body.return_url ?? null,
      // The longest Kassa keeps an intent open: a PaymentIntent has no expiry of its own.
      expiresInSeconds: 7 * 24 * 3600,
      dialectData: { payment_method: body.payment_method ?? null, customer: body.customer ?? null, return_url: body.return_url ?? null },
      testClockId: await customerClock(db, ownerOf(merchant), customer),
    },
    actor,
  );
}

const bothPaymentMethods = () =>
  new AppError("parameter_invalid", "You may pass either payment_method or payment_method_data, but not both.", { param: "payment_method_data" });

/** The card a confirm pays with: raw details, a test payment method, or the one given before. */
function cardOf(body: ConfirmBody, stored: string | null | undefined, mode: Mode): CardInput {
  if (body.payment_method && body.payment_method_data) throw bothPaymentMethods();
  const card = body.payment_method_data?.card;
  if (card) return { number: card.number, expMonth: card.exp_month, expYear: card.exp_year, cvc: card.cvc ?? "", name: body.payment_method_data?.billing_details?.name ?? null };
  const paymentMethod = body.payment_method ?? stored;
  if (!paymentMethod) {
    throw new AppError("parameter_missing", "You cannot confirm this PaymentIntent because it's missing a payment method. Pass payment_method or payment_method_data.", {
      param: "payment_method",
    });
  }
  // Stripe's test payment methods stand for test cards: live money needs a real one.
  if (mode === "live") {
    throw new AppError("parameter_invalid", `${paymentMethod} is a test payment method; a live PaymentIntent needs real card details in payment_method_data[card].`, {
      param: "payment_method",
    });
  }
  return testPaymentMethodCard(paymentMethod);
}

/**
 * Pays the intent with the card a server holds, as Kassa's checkout page would with a typed one. A
 * return_url given here is where the buyer comes back to after a 3-D Secure challenge.
 */
export async function confirmPaymentIntent(db: Db, merchant: Account, intentId: string, body: ConfirmBody): Promise<ConfirmResult> {
  const owner = ownerOf(merchant);
  let intent = await getIntent(db, owner, intentId);
  const card = cardOf(body, intentData(intent).payment_method, merchant.mode);
  // A card that cannot be one is refused before anything about the intent changes.
  validateCard(card);
  const capture = captureOf(body.capture_method);
  if (body.return_url || capture || body.receipt_email || body.payment_method) {
    // One update, guarded as a change of payment terms is: nothing is written to an intent that cannot be paid.
    intent = await updateIntent(db, owner, intentId, {
      captureMethod: capture ?? intent.captureMethod,
      ...(body.return_url ? { successUrl: body.return_url } : {}),
      ...(body.receipt_email ? { customerEmail: body.receipt_email } : {}),
      dialectData: { ...(body.return_url ? { return_url: body.return_url } : {}), ...(body.payment_method ? { payment_method: body.payment_method } : {}) },
    });
  }
  return confirmIntent(db, { intentId, clientSecret: intent.clientSecret, card });
}
