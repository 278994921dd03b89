import type { ConfirmResult } from "@/lib/checkout/confirm-intent";
import { MAX_ATTEMPTS } from "@/lib/checkout/limits";
import { AppError } from "@/lib/errors/app-error";
import type { ApiResult } from "@/lib/http/api-result";
import { gatewayDialect, success } from "./dialect";
import { renderConfirmed } from "./render";

/** Paid, or waiting on 3-D Secure (with next_action): 200 with the card. Declined: 402 with the decline code and how many tries the buyer has left. */
export function renderConfirmResult(result: ConfirmResult): ApiResult {
  if (result.outcome !== "declined") return success(renderConfirmed(result.intent, result.intent.card));
  return gatewayDialect.renderError(
    new AppError("card_declined", result.attempt.failureMessage ?? "Your card was declined.", {
      declineCode: result.attempt.declineCode ?? undefined,
      extra: { remaining_attempts: Math.max(0, MAX_ATTEMPTS - result.intent.attemptCount) },
    }),
  );
}
