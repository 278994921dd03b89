import type { Checkout } from "@/lib/checkout/get-checkout";
import { BRAND_LABELS } from "@/lib/checkout/card-brand";
import { MAX_ATTEMPTS } from "@/lib/checkout/limits";
import { cancelRedirect, successRedirect } from "@/lib/checkout/redirect-urls";
import { html } from "@/lib/html/html";
import type { Locale } from "@/lib/i18n/locales";
import type { IntentError } from "@/db/schema";
import type { CardFormState } from "./card-form";
import { checkoutContext, type CheckoutContext } from "./checkout-context";
import { checkoutDocument, type CheckoutDocument } from "./checkout-document";
import { orderSummary } from "./order-summary";
import { declineEventFields, type Announcement, type CheckoutPageData, type CheckoutText } from "./page-data";
import { paymentPanel } from "./payment-panel";
import type { StablecoinOffer } from "@/lib/stablecoins/checkout-offer";

export type CheckoutPageInput = {
  checkout: Checkout;
  locale: Locale;
  nonce: string;
  /** The error code a plain form post came back with (`?error=`), if any. */
  formError: string | null;
  submissionKey: string;
  /** The page was reached by a form post that ended a framed payment: tell the merchant's page. */
  announceOutcome: boolean;
  stablecoin?: StablecoinOffer | null;
  cardChosen?: boolean;
  /** No card is taken (a live merchant with a wallet and no acquirer): the token alone. */
  cardless?: boolean;
};

/** The buyer's page for one intent, in whatever state the intent is in. */
export function renderCheckoutPage(input: CheckoutPageInput): string {
  const context = checkoutContext(input.checkout, input.locale, { stablecoin: input.stablecoin, cardChosen: input.cardChosen, cardless: input.cardless });
  const { intent, merchant, branding, embedded, t } = context;
  const form: CardFormState = {
    submissionKey: input.submissionKey,
    message: formErrorText(context, input.formError) ?? (intent.lastError ? declineText(context, intent.lastError) : null),
    attemptsLeft: MAX_ATTEMPTS - intent.attemptCount,
  };
  const payable = intent.status === "requires_payment_method" && merchant.status === "active";
  const layout = embedded ? "space-y-6" : "grid gap-10 md:grid-cols-2 md:gap-16";
  return checkoutDocument({
    locale: input.locale,
    title: t("checkout.documentTitle", { merchant: branding.name }),
    nonce: input.nonce,
    brandColor: branding.brandColor,
    embedded,
    refresh: refreshOf(context),
    // Without a script nothing follows a payment on chain; the page reloads itself instead.
    noscriptRefresh: context.stablecoin?.view && ["waiting", "partial", "checking"].includes(context.stablecoin.view.stage) ? 15 : undefined,
    body: html`<div class="${layout}">${orderSummary(context, embedded)}${paymentPanel(context, form)}</div>`,
    footer: embedded ? null : t("checkout.footer"),
    // Every state gets the script, for the countdown and the form while payable, and in a frame to fit it.
    data: pageData(context, input, payable, form),
  });
}

/** Seconds the expired screen stays up before the buyer goes back to the merchant. */
export const EXPIRED_SCREEN_SECONDS = 5;

function refreshOf({ intent, embedded, stablecoin }: CheckoutContext): CheckoutDocument["refresh"] {
  // Confirmations come block by block, for minutes: a slower reload, and the script follows it in between.
  if (intent.status === "processing" && stablecoin?.view?.stage === "confirming") return { seconds: 10 };
  if (intent.status === "processing") return { seconds: 2 };
  const cancelUrl = cancelRedirect(intent);
  if (intent.status === "expired" && !embedded && cancelUrl) return { seconds: EXPIRED_SCREEN_SECONDS, url: cancelUrl };
  return undefined;
}

function formErrorText({ t }: CheckoutContext, code: string | null): string | null {
  if (!code) return null;
  return t.has(`errors.${code}` as "errors.generic") ? t(`errors.${code}` as "errors.generic") : t("errors.generic");
}

export function declineText({ t }: CheckoutContext, error: Pick<IntentError, "declineCode" | "message">): string {
  if (!error.declineCode) return error.message;
  const key = `declines.${error.declineCode}` as "declines.other";
  return t("checkout.declined", { message: t.has(key) ? t(key) : t("declines.other"), code: error.declineCode });
}

/**
 * For a page around the payment that drives no form (the bank's challenge): the script then only
 * fits a frame to the page and passes Escape on to kassa.js.
 */
export function passivePageData(context: CheckoutContext): CheckoutPageData {
  return pageData(context, { submissionKey: "", announceOutcome: false }, false, { submissionKey: "", message: null, attemptsLeft: 0 });
}

function pageData(context: CheckoutContext, input: Pick<CheckoutPageInput, "submissionKey" | "announceOutcome">, payable: boolean, form: CardFormState): CheckoutPageData {
  const { intent, merchant, branding } = context;
  return {
    intentId: intent.id,
    clientSecret: intent.clientSecret,
    submissionKey: input.submissionKey,
    uiMode: intent.uiMode,
    successUrl: successRedirect(intent),
    referenceId: intent.referenceId,
    allowedOrigins: merchant.allowedOrigins,
    expiresAt: (payable || intent.status === "requires_action") && context.stablecoin?.view?.stage !== "checking" ? intent.expiresAt.getTime() : null,
    announce: input.announceOutcome ? outcomeAnnouncement(context, form) : payable ? [{ event: "payment.started", fields: { message: "Checkout opened" } }] : [],
    brands: BRAND_LABELS,
    text: checkoutText(context, branding.name),
    stablecoin: stablecoinData(context),
  };
}

/** What the script needs to follow a payment on chain while it is not over; null otherwise. */
function stablecoinData(context: CheckoutContext): CheckoutPageData["stablecoin"] {
  const view = context.stablecoin?.view;
  if (!view || !["waiting", "partial", "confirming", "checking"].includes(view.stage)) return null;
  const { intent, t } = context;
  return {
    statusUrl: `/pay/${encodeURIComponent(intent.id)}/stablecoin?client_secret=${encodeURIComponent(intent.clientSecret)}`,
    stage: view.stage,
    received: view.received,
    text: { seen: t("stablecoin.seen", { count: "{count}", required: "{required}" }), copied: t("stablecoin.copied"), copy: t("stablecoin.copy") },
  };
}

function outcomeAnnouncement({ intent }: CheckoutContext, form: CardFormState): Announcement[] {
  switch (intent.status) {
    case "succeeded":
    case "authorized":
      return [{ event: "payment.success", fields: { message: "Payment successful", status: intent.status } }];
    case "canceled":
      return [{ event: "payment.canceled", fields: { message: "The buyer canceled the payment", status: "canceled" } }];
    case "failed":
    case "requires_payment_method":
      if (!intent.lastError || !form.message) return [];
      return [{ event: "payment.failed", fields: declineEventFields(form.message, intent.lastError.declineCode, Math.max(0, form.attemptsLeft)) }];
    default:
      return [];
  }
}

function checkoutText({ t }: CheckoutContext, merchant: string): CheckoutText {
  const declineCodes = ["51", "54", "N7", "96", "other"] as const;
  return {
    fields: {
      numberIncomplete: t("fields.numberIncomplete"),
      numberInvalid: t("fields.numberInvalid"),
      expiryFormat: t("fields.expiryFormat"),
      expiryMonth: t("fields.expiryMonth"),
      expiryPast: t("fields.expiryPast"),
      cvcLength: t("fields.cvcLength", { digits: "{digits}" }),
      emailInvalid: t("fields.emailInvalid"),
    },
    declines: Object.fromEntries(declineCodes.map((code) => [code, t(`declines.${code}`)])),
    declined: t("checkout.declined", { message: "{message}", code: "{code}" }),
    attemptsLeft: Array.from({ length: MAX_ATTEMPTS }, (_, count) => (count === 0 ? "" : t("checkout.attemptsLeft", { count }))),
    network: t("errors.network"),
    notProcessed: t("errors.notProcessed"),
    processing: t("checkout.processing"),
    redirecting: t("states.redirecting", { merchant }),
    expiresIn: t("checkout.expiresIn", { time: "{time}" }),
    expiresInHours: t("checkout.expiresInHours", { hours: "{hours}" }),
    expiringSoon: t("checkout.expiringSoon", { time: "{time}" }),
    cvcPlaceholder: t("checkout.cvcPlaceholder", { digits: "{digits}" }),
  };
}
