import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { can, dashboardContext } from "@/app/_server/context";
import type { CardBrand } from "@/lib/checkout/card";
import { paymentStatus } from "@/lib/dashboard/payment-status-labels";
import { paymentTimeline } from "@/lib/dashboard/payment-timeline";
import { isAppError } from "@/lib/errors/app-error";
import { getIntent } from "@/lib/intents/get-intent";
import { withDetail } from "@/lib/intents/intent-details";
import { formatMoney } from "@/lib/money/format";
import { BRAND_LABELS } from "@/lib/checkout/card-brand";
import { PaymentActions } from "@/components/dashboard/payment-actions";
import { Timeline } from "@/components/dashboard/timeline";
import { OnChainCard } from "@/components/dashboard/onchain-card";
import { depositView } from "@/lib/stablecoins/deposit-view";
import { findDeposit } from "@/lib/stablecoins/open-deposit";
import { StatusBadge } from "@/components/ui/badge";
import { Card, Details, PageHeader } from "@/components/ui/page";
import { buttonClass } from "@/components/ui/styles";

export const metadata: Metadata = { title: "Payment" };

type Props = { params: Promise<{ id: string }> };

export default async function PaymentPage({ params }: Props) {
  const { id } = await params;
  const context = await dashboardContext();
  const { db } = context;
  const intent = await getIntent(db, context.owner, decodeURIComponent(id)).catch((error) => {
    if (isAppError(error)) notFound();
    throw error;
  });
  const details = await withDetail(db, intent);
  const deposit = await findDeposit(db, intent.id, intent.merchantId);
  const onChain = deposit ? await depositView(db, intent, deposit) : null;
  const timeline = await paymentTimeline(db, context.owner, intent.id, details.attempts);
  const money = (minor: number) => formatMoney(minor, intent.currency);
  const refundable = intent.status === "succeeded" ? intent.amountCaptured - intent.amountRefunded : 0;
  const shownStatus = paymentStatus(intent);
  // After a partial capture the payment is what was captured, not what was authorized.
  const partlyCaptured = intent.amountCaptured > 0 && intent.amountCaptured < intent.amount;

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/dashboard/payments" className={buttonClass.link}>
          ← Payments
        </Link>
      </p>
      <PageHeader
        title={money(intent.amountCaptured > 0 ? intent.amountCaptured : intent.amount)}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <StatusBadge status={shownStatus} />
            {partlyCaptured && <span>captured of {money(intent.amount)} authorized</span>}
            <span className="font-mono text-xs">{intent.id}</span>
          </span>
        }
        actions={
          <PaymentActions
            intentId={intent.id}
            status={intent.status}
            refundable={refundable > 0 ? money(refundable) : null}
            authorizedAmount={money(intent.amount)}
            currency={intent.currency}
            canWrite={can(context, "payments:write")}
            onChain={Boolean(intent.txHash)}
          />
        }
      />
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <div className="space-y-6">
          <Card title="Details">
            <Details
              rows={[
                ["Description", intent.description],
                ["Reference", intent.referenceId],
                ["Customer", [intent.customerName, intent.customerEmail ?? intent.buyerEmail].filter(Boolean).join(" · ") || null],
                [
                  "Payment method",
                  details.card
                    ? `${BRAND_LABELS[details.card.brand as CardBrand] || "Card"} •••• ${details.card.last4}, expires ${String(details.card.expMonth).padStart(2, "0")}/${details.card.expYear}`
                    : intent.txHash && deposit
                      ? `${deposit.tokenSymbol} on ${deposit.chain}`
                      : null,
                ],
                ["Amount", money(intent.amount)],
                ["Captured", intent.amountCaptured > 0 ? money(intent.amountCaptured) : null],
                ["Refunded", intent.amountRefunded > 0 ? money(intent.amountRefunded) : null],
                ["Net", intent.amountCaptured > 0 ? money(intent.amountCaptured - intent.amountRefunded) : null],
                // Card attempts: a payment made on chain has none to count.
                ["Attempts", intent.txHash && intent.attemptCount === 0 ? null : `${intent.attemptCount} of 5`],
                ["Dialect", intent.dialect],
                ["Created", intent.createdAt.toISOString().replace("T", " ").slice(0, 19) + " UTC"],
                ["Expires", intent.status === "requires_payment_method" || intent.status === "requires_action" ? intent.expiresAt.toISOString().replace("T", " ").slice(0, 19) + " UTC" : null],
                ["Subscription", intent.subscriptionId ? <Link key="s" href={`/dashboard/subscriptions/${intent.subscriptionId}`} className={buttonClass.link}>{intent.subscriptionId}</Link> : null],
              ]}
            />
          </Card>
          {onChain && <OnChainCard view={onChain} />}
          {intent.lineItems.length > 0 && (
            <Card title="Line items">
              <table className="w-full text-sm">
                <caption className="sr-only">Line items</caption>
                <thead className="text-left text-xs uppercase tracking-wide text-slate-600">
                  <tr>
                    <th scope="col" className="pb-2">Item</th>
                    <th scope="col" className="pb-2 text-right">Qty</th>
                    <th scope="col" className="pb-2 text-right">Unit</th>
                    <th scope="col" className="pb-2 text-right">Amount</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {intent.lineItems.map((item, index) => (
                    <tr key={index}>
                      <td className="py-2 text-slate-900">{item.name}</td>
                      <td className="py-2 text-right tabular-nums">{item.quantity}</td>
                      <td className="py-2 text-right tabular-nums">{money(item.unitAmount)}</td>
                      <td className="py-2 text-right tabular-nums">{money(item.quantity * item.unitAmount)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {(intent.taxAmount > 0 || intent.discountAmount > 0) && (
                <p className="mt-3 text-right text-sm text-slate-700">
                  {intent.taxAmount > 0 && `Tax ${money(intent.taxAmount)}`} {intent.discountAmount > 0 && `· Discount −${money(intent.discountAmount)}`}
                </p>
              )}
            </Card>
          )}
          <Card title="Metadata">
            {Object.keys(intent.metadata).length === 0 ? (
              <p className="text-sm text-slate-600">No metadata was sent with this payment.</p>
            ) : (
              <pre className="overflow-x-auto rounded-lg bg-slate-50 p-3 text-xs text-slate-800">{JSON.stringify(intent.metadata, null, 2)}</pre>
            )}
          </Card>
        </div>
        <Card title="Timeline">
          <Timeline entries={timeline} currency={intent.currency} amount={intent.amount} />
        </Card>
      </div>
    </>
  );
}
