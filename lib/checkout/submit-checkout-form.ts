import type { Db } from "@/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { localeFromAcceptLanguage } from "@/lib/i18n/locales";
import { email } from "@/lib/validation/common";
import { hashRequest, runIdempotent } from "@/lib/idempotency/run-idempotent";
import { cardIdentity } from "./card-identity";
import { successRedirect } from "./redirect-urls";
import { confirmIntent } from "./confirm-intent";
import { challengePagePath, checkoutPagePath, framedOutcomePath } from "./checkout-url";

export type CheckoutForm = {
  intentId: string;
  clientSecret: string;
  /** Rendered into the form, so a double-click or a resubmitted POST replays instead of charging twice. */
  submissionKey: string;
  number: string;
  expiry: string;
  cvc: string;
  name: string;
  /** The optional receipt email field; empty when the buyer left it empty or the page did not ask. */
  email: string;
  /** The buyer's Accept-Language, for the receipt's language when the merchant named none. */
  acceptLanguage: string | null;
};

/**
 * The page's plain HTML form post, for buyers without JavaScript: the same confirm as the API, then
 * a redirect — to the merchant on success, back to the page with the outcome otherwise.
 */
export async function submitCheckoutForm(db: Db, form: CheckoutForm): Promise<string> {
  const page = checkoutPagePath(form.intentId, form.clientSecret);
  const expiry = parseExpiry(form.expiry);
  if (!expiry) return `${page}&error=invalid_expiry`;
  const customerEmail = form.email.trim() || null;
  if (customerEmail && !email.safeParse(customerEmail).success) return `${page}&error=invalid_email`;
  try {
    const { result } = await runIdempotent(
      db,
      {
        scope: `checkout:${form.intentId}`,
        key: form.submissionKey,
        requestHash: hashRequest("POST", `/pay/${form.intentId}/submit`, cardIdentity(form.number, form.expiry, null, form.name)),
      },
      async (handle) => {
        const outcome = await confirmIntent(handle, {
          intentId: form.intentId,
          clientSecret: form.clientSecret,
          card: { number: form.number, expMonth: expiry.month, expYear: expiry.year, cvc: form.cvc.trim(), name: form.name },
          customerEmail,
          buyerLocale: localeFromAcceptLanguage(form.acceptLanguage),
        });
        // The bank wants 3-D Secure: on to its challenge, in the same window or frame. An acquirer's
        // own page is on another origin, which the form's CSP (form-action) may not redirect to: the
        // page says where to go instead, with a plain link to the bank.
        if (outcome.outcome === "requires_action") {
          const location = outcome.attempt.challengeUrl ? page : challengePagePath(form.intentId, form.clientSecret);
          return { status: 303, body: { location } };
        }
        // A decline comes back to the page, which shows the intent's last_error.
        if (outcome.intent.uiMode === "embedded") return { status: 303, body: { location: framedOutcomePath(form.intentId, form.clientSecret) } };
        const paid = outcome.outcome !== "declined";
        return { status: 303, body: { location: (paid && successRedirect(outcome.intent)) || page } };
      },
      "external",
    );
    return (result.body as { location: string }).location;
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (error.code === "not_found" || error.code === "client_secret_invalid") return page;
    if (error.code === "intent_unexpected_state" && error.details.extra?.status === "expired") return page;
    return `${page}&error=${encodeURIComponent(error.code)}`;
  }
}

/** "MM/YY", "MM / YY" or "MM/YYYY" as typed into the expiry field. */
export function parseExpiry(value: string): { month: number; year: number } | null {
  const match = /^\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(value);
  if (!match) return null;
  return { month: Number(match[1]), year: Number(match[2]) };
}

