import type { ConfirmResult } from "@/lib/checkout/confirm-intent";
import { AppError } from "@/lib/errors/app-error";
import type { ApiResult } from "@/lib/http/api-result";
import { nativeDialect } from "./dialect";
import { renderIntent } from "./render";

/**
 * A paid intent is a 200 with the intent, and so is one waiting on 3-D Secure (status
 * requires_action, with its next_action); a decline is a 402 card_error that carries the decline
 * code and the intent, whose status says whether the buyer may try again.
 */
export function renderConfirmResult(result: ConfirmResult): ApiResult {
  const intent = renderIntent(result.intent);
  if (result.outcome !== "declined") return { status: 200, body: intent };
  return nativeDialect.renderError(
    new AppError("card_declined", result.attempt.failureMessage ?? "Your card was declined.", {
      declineCode: result.attempt.declineCode ?? undefined,
      extra: { payment_intent: intent },
    }),
  );
}
