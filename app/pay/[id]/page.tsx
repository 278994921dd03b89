import type { Metadata } from "next";
import { forbidden, notFound, redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getCheckout, type Checkout } from "@/lib/checkout/get-checkout";
import { MAX_ATTEMPTS } from "@/lib/checkout/limits";
import { cancelRedirect, successRedirect } from "@/lib/checkout/redirect-urls";
import { randomBase62 } from "@/lib/crypto/tokens";
import { isAppError } from "@/lib/errors/app-error";
import { describeError } from "@/lib/errors/log-error";
import { unstorableText } from "@/lib/http/validation";
import { formatMoney } from "@/lib/money/format";
import type { CardBrand } from "@/lib/checkout/card";
import { CardForm, Outcome } from "@/components/checkout/card-form";
import { BRAND_LABELS } from "@/components/checkout/card-fields";
import { CheckoutFrame } from "@/components/checkout/checkout-frame";
import { formErrorMessage } from "@/components/checkout/messages";
import { OrderSummary } from "@/components/checkout/order-summary";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Checkout", robots: { index: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CheckoutPage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const clientSecret = typeof query.client_secret === "string" ? query.client_secret : null;
  const { intent, merchant, branding } = await loadCheckout(id, clientSecret);
  const embedded = intent.uiMode === "embedded";

  if (intent.status === "expired") {
    const cancelUrl = cancelRedirect(intent);
    if (cancelUrl && !embedded) redirect(cancelUrl);
  }

  const name = branding.name;
  const backLink = (url: string | null, label: string) =>
    url && !embedded ? (
      <a href={url} className="mt-4 inline-block text-sm font-medium text-slate-700 underline underline-offset-4">
        {label}
      </a>
    ) : null;

  return (
    <CheckoutFrame branding={branding} embedded={embedded}>
      <div className={embedded ? "space-y-6" : "grid gap-10 md:grid-cols-2 md:gap-16"}>
        <OrderSummary intent={intent} branding={branding} compact={embedded} />
        <section aria-label="Payment" className={embedded ? "" : "self-start rounded-2xl border border-slate-200 bg-white p-6 shadow-sm"}>
          {intent.status === "requires_payment_method" && merchant.status !== "active" && (
            <Outcome tone="neutral" title="Payments are paused">
              {name} cannot accept payments right now. No money was taken.
            </Outcome>
          )}
          {intent.status === "requires_payment_method" && merchant.status === "active" && (
            <>
              <h2 className="mb-4 text-lg font-semibold text-slate-900">Pay with card</h2>
              <CardForm
                intentId={intent.id}
                clientSecret={intent.clientSecret}
                payLabel={`Pay ${formatMoney(intent.amount, intent.currency)}`}
                merchantName={name}
                uiMode={intent.uiMode}
                submissionKey={`form_${randomBase62(24)}`}
                successUrl={successRedirect(intent)}
                initialError={
                  formErrorMessage(typeof query.error === "string" ? query.error : undefined) ??
                  (intent.lastError ? `${intent.lastError.message} (decline code ${intent.lastError.declineCode})` : null)
                }
                attemptsLeft={MAX_ATTEMPTS - intent.attemptCount}
                embed={{ intentId: intent.id, referenceId: intent.referenceId, allowedOrigins: merchant.allowedOrigins }}
                testMode
              />
            </>
          )}
          {intent.status === "processing" && (
            <>
              <meta httpEquiv="refresh" content="2" />
              <Outcome tone="neutral" title="Processing your payment…">This page refreshes by itself. Please don’t pay again.</Outcome>
            </>
          )}
          {(intent.status === "succeeded" || intent.status === "authorized") && (
            <Outcome tone="success" title="Payment complete">
              {name} has received your payment{intent.card ? ` from the ${BRAND_LABELS[intent.card.brand as CardBrand] || "card"}${BRAND_LABELS[intent.card.brand as CardBrand] ? " card" : ""} ending ${intent.card.last4}` : ""}.
              {backLink(successRedirect(intent), `Return to ${name}`)}
            </Outcome>
          )}
          {intent.status === "failed" && (
            <Outcome tone="error" title="Payment failed">
              This payment was declined too many times and can no longer be completed.
              {backLink(cancelRedirect(intent), `Return to ${name}`)}
            </Outcome>
          )}
          {intent.status === "canceled" && (
            <Outcome tone="neutral" title="Payment canceled">
              No money was taken.{backLink(cancelRedirect(intent), ` Return to ${name}`)}
            </Outcome>
          )}
          {intent.status === "expired" && (
            <Outcome tone="neutral" title="This payment link has expired">
              Ask {name} for a new one. No money was taken.
            </Outcome>
          )}
        </section>
      </div>
    </CheckoutFrame>
  );
}

async function loadCheckout(id: string, clientSecret: string | null): Promise<Checkout> {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) notFound();
  if (clientSecret !== null && (clientSecret.length > 128 || unstorableText(clientSecret))) forbidden();
  let checkout: Checkout;
  try {
    checkout = await getCheckout(await getDb(), id, clientSecret);
  } catch (error) {
    if (!isAppError(error)) {
      // Logged here without the driver's query parameters; Next.js would log the raw error.
      console.error(`[kassa] checkout page ${id} failed: ${describeError(error)}`);
      throw new Error("The checkout page could not be loaded.");
    }
    if (error.code === "client_secret_invalid") forbidden();
    notFound();
  }
  return checkout;
}
