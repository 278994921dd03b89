"use client";

import { cancelPayment, capturePayment, refundPayment, voidPayment } from "@/app/dashboard/(app)/payments/actions";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { Field } from "@/components/ui/action-form";

type Props = {
  intentId: string;
  status: string;
  refundable: string | null;
  authorizedAmount: string;
  currency: string;
  canWrite: boolean;
  /** Paid on chain: the merchant sends a refund from its own wallet and records it here. */
  onChain?: boolean;
};

const REFUND_REASONS = [
  { value: "requested_by_customer", label: "Requested by the customer" },
  { value: "duplicate", label: "Duplicate" },
  { value: "fraudulent", label: "Fraudulent" },
] as const;

/** The actions that fit the payment's state, each asking for confirmation; none for a viewer. */
export function PaymentActions(props: Props) {
  if (!props.canWrite) {
    return <p className="text-sm text-slate-600">Your role can view payments but not change them.</p>;
  }
  const hidden = { intent_id: props.intentId };
  return (
    <div className="flex flex-wrap items-start gap-2">
      {props.refundable && props.onChain && (
        <ConfirmAction
          label="Record a refund"
          title="Record a refund you sent"
          description={`Kassa holds no key to your wallet, so it cannot send this refund: send it from your wallet, then record it here with its transaction hash. Up to ${props.refundable} can be refunded.`}
          confirmLabel="Record refund"
          action={refundPayment}
          hidden={hidden}
        >
          <Field name="amount" label={`Amount (${props.currency})`} inputMode="decimal" placeholder="All of it" />
          <Field name="tx_hash" label="Transaction hash of your refund" required placeholder="0x…" autoComplete="off" />
          <Field name="reason" label="Reason" defaultValue="requested_by_customer" options={REFUND_REASONS} />
        </ConfirmAction>
      )}
      {props.refundable && !props.onChain && (
        <ConfirmAction
          label="Refund"
          title="Refund this payment"
          description={`Up to ${props.refundable} can be refunded. Leave the amount empty to refund all of it.`}
          confirmLabel="Refund"
          action={refundPayment}
          hidden={hidden}
        >
          <Field name="amount" label={`Amount (${props.currency})`} inputMode="decimal" placeholder="All of it" />
          <Field name="reason" label="Reason" defaultValue="requested_by_customer" options={REFUND_REASONS} />
        </ConfirmAction>
      )}
      {props.status === "authorized" && (
        <>
          <ConfirmAction
            label="Capture"
            title="Capture this payment"
            description={`The card was authorized for ${props.authorizedAmount}. Capture less to release the rest.`}
            confirmLabel="Capture"
            variant="primary"
            action={capturePayment}
            hidden={hidden}
          >
            <Field name="amount" label={`Amount (${props.currency})`} inputMode="decimal" placeholder="All of it" />
          </ConfirmAction>
          <ConfirmAction
            label="Void"
            title="Release this authorization"
            description="The buyer's money is freed and the payment is canceled. This cannot be undone."
            confirmLabel="Void"
            variant="danger"
            action={voidPayment}
            hidden={hidden}
          />
        </>
      )}
      {(props.status === "requires_payment_method" || props.status === "requires_action") && (
        <ConfirmAction
          label="Cancel payment"
          title="Cancel this payment"
          description="The buyer will no longer be able to pay it. This cannot be undone."
          confirmLabel="Cancel payment"
          variant="danger"
          action={cancelPayment}
          hidden={hidden}
        />
      )}
    </div>
  );
}
