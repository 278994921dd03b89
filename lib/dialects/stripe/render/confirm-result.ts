import type { ConfirmResult } from "@/lib/checkout/confirm-intent";
import { AppError } from "@/lib/errors/app-error";
import type { ApiResult } from "@/lib/http/api-result";
import { stripeDecline } from "../decline-codes";
import { stripeDialect } from "../dialect";
import { chargeIdOf } from "../ids";
import { renderPaymentIntent } from "./payment-intent";

/**
 * A confirmed PaymentIntent, or Stripe's 402 card_error for a decline, with the decline code and the
 * PaymentIntent (whose status says whether the buyer may try again), as StripeCardError carries them.
 * An answer, not a thrown error: a retry with the same Idempotency-Key replays it.
 */
export function renderConfirmResult(result: ConfirmResult, expand: { latestCharge?: boolean } = {}): ApiResult {
  const paymentIntent = renderPaymentIntent(result.intent, expand);
  if (result.outcome !== "declined") return { status: 200, body: paymentIntent };
  const { code, declineCode } = stripeDecline(result.attempt.declineCode);
  const error = new AppError("card_declined", result.attempt.failureMessage ?? "Your card was declined.", {
    declineCode,
    extra: { payment_intent: paymentIntent, charge: chargeIdOf(result.attempt.id) },
  });
  const rendered = stripeDialect.renderError(error);
  const body = rendered.body as { error: Record<string, unknown> };
  return { ...rendered, body: { error: { ...body.error, code } } };
}
