import { z } from "zod";
import { CANCELLATION_REASONS } from "@/lib/intents/cancel-intent";
import { expandParam, formAmount, formBoolean, formCurrency, formEmail, formInteger, formMetadata, formString, formUrl, listParams, metadataUpdate, formArray } from "../params";

const captureMethod = z.enum(["automatic", "automatic_async", "manual"], { error: "must be automatic, automatic_async or manual" });

/** Raw card details, accepted in test mode as Stripe accepts them with its permission for raw card data. */
export const paymentMethodData = z.strictObject({
  type: z.literal("card", { error: "must be card: Kassa takes cards" }),
  card: z.strictObject({
    number: formString(32),
    exp_month: formInteger(1, 12),
    exp_year: formInteger(0, 9999),
    cvc: formString(4).optional(),
  }),
  billing_details: z.strictObject({ name: formString(200).optional(), email: formEmail.optional() }).optional(),
});

const cardOnly = formArray(z.literal("card", { error: "must be card: Kassa takes cards only" }), 1).optional();
const refusedSetupFutureUsage = z.never({ error: "is not supported: Kassa saves cards only for subscriptions (Checkout Sessions with mode=subscription)" }).optional();

/** A payment method's id: `pm_` and letters, digits or underscores. */
export const paymentMethodId = formString(255).regex(/^pm_[A-Za-z0-9_]+$/, { error: "must be a payment method id such as pm_card_visa" });

const paying = {
  payment_method: paymentMethodId.optional(),
  payment_method_data: paymentMethodData.optional(),
  return_url: formUrl.optional(),
  receipt_email: formEmail.optional(),
  setup_future_usage: refusedSetupFutureUsage,
  expand: expandParam,
};

export const createPaymentIntentBody = z.strictObject({
  amount: formAmount(),
  currency: formCurrency,
  capture_method: captureMethod.optional(),
  confirm: formBoolean.optional(),
  customer: formString(255).optional(),
  description: formString(1000).optional(),
  metadata: formMetadata.optional(),
  payment_method_types: cardOnly,
  automatic_payment_methods: z.strictObject({ enabled: formBoolean, allow_redirects: z.enum(["always", "never"]).optional() }).optional(),
  ...paying,
});

export const confirmPaymentIntentBody = z.strictObject({ capture_method: captureMethod.optional(), ...paying });

export const updatePaymentIntentBody = z.strictObject({
  amount: formAmount().optional(),
  currency: formCurrency.optional(),
  capture_method: captureMethod.optional(),
  customer: formString(255).optional(),
  description: z.union([z.literal(""), formString(1000)]).optional(),
  metadata: metadataUpdate.optional(),
  payment_method: paymentMethodId.optional(),
  receipt_email: z.union([z.literal(""), formEmail]).optional(),
  setup_future_usage: refusedSetupFutureUsage,
  expand: expandParam,
});

export const capturePaymentIntentBody = z.strictObject({ amount_to_capture: formAmount().optional(), metadata: metadataUpdate.optional(), expand: expandParam });

export const cancelPaymentIntentBody = z.strictObject({
  cancellation_reason: z.enum(CANCELLATION_REASONS, { error: `must be one of ${CANCELLATION_REASONS.join(", ")}` }).optional(),
  expand: expandParam,
});

export const retrieveQuery = z.strictObject({ expand: expandParam, client_secret: formString(255).optional() });

export const listPaymentIntentsQuery = z.strictObject({ ...listParams, customer: formString(255).optional() });
