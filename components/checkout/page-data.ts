import type { CardBrand } from "@/lib/checkout/card-brand";

/** The messages the browser script may show, already in the buyer's language; `{…}` marks a value it fills in. */
export type CheckoutText = {
  fields: { numberIncomplete: string; numberInvalid: string; expiryFormat: string; expiryMonth: string; expiryPast: string; cvcLength: string; emailInvalid: string };
  declines: Record<string, string>;
  declined: string;
  /** Indexed by the number of attempts left. */
  attemptsLeft: string[];
  network: string;
  notProcessed: string;
  processing: string;
  redirecting: string;
  expiresIn: string;
  expiresInHours: string;
  expiringSoon: string;
  cvcPlaceholder: string;
};

export type Announcement = { event: "payment.started" | "payment.success" | "payment.failed" | "payment.canceled"; fields: Record<string, unknown> };

/**
 * What the checkout page hands its script, as a JSON island: everything the script needs that the
 * markup does not already say. The page works without it; the script only makes it quicker.
 */
export type CheckoutPageData = {
  intentId: string;
  clientSecret: string;
  /** Rendered per page view; each scripted submit adds a counter so retries get fresh keys. */
  submissionKey: string;
  uiMode: "hosted" | "embedded";
  successUrl: string | null;
  referenceId: string | null;
  allowedOrigins: string[];
  /** The deadline in epoch milliseconds while the intent can be paid, else null. */
  expiresAt: number | null;
  /** What the page tells a framing merchant page when it loads: that it opened, or how a form post ended. */
  announce: Announcement[];
  brands: Record<CardBrand, string>;
  text: CheckoutText;
  /** A payment on chain to follow: where to ask, and what it last was (a change reloads the page). */
  stablecoin: { statusUrl: string; stage: string; received: string; text: { seen: string; copied: string; copy: string } } | null;
};

/**
 * Seed 001's `payment.failed`, saying whether the buyer may still try again, so that the merchant's
 * page keeps the frame open on a decline that can be retried.
 */
export function declineEventFields(message: string, declineCode: string | null, attemptsLeft: number): Record<string, unknown> {
  const final = attemptsLeft === 0;
  return { message, status: final ? "failed" : "requires_payment_method", decline_code: declineCode, attempts_left: attemptsLeft, final };
}
