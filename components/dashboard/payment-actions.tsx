"use client";

import { cancelPayment, capturePayment, refundPayment, voidPayment } from "@/app/dashboard/(app)/payments/actions";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { inputClass, labelClass } from "@/components/ui/styles";

type Props = {
  intentId: string;
  status: string;
  refundable: string | null;
  authorizedAmount: string;
  currency: string;
  canWrite: boolean;
};

/** The actions that fit the payment's state, each asking for confirmation; none for a viewer. */
export function PaymentActions(props: Props) {
  if (!props.canWrite) {
    return <p className="text-sm text-slate-600">Your role can view payments but not change them.</p>;
  }
  const hidden = { intent_id: props.intentId };
  return (
    <div className="flex flex-wrap items-start gap-2">
      {props.refundable && (
        <ConfirmAction
          label="Refund"
          title="Refund this payment"
          description={`Up to ${props.refundable} can be refunded. Leave the amount empty to refund all of it.`}
          confirmLabel="Refund"
          action={refundPayment}
          hidden={hidden}
        >
          <div>
            <label htmlFor="refund-amount" className={labelClass}>
              Amount ({props.currency})
            </label>
            <input id="refund-amount" name="amount" inputMode="decimal" placeholder="All of it" className={inputClass} />
          </div>
          <div>
            <label htmlFor="refund-reason" className={labelClass}>
              Reason
            </label>
            <select id="refund-reason" name="reason" className={inputClass} defaultValue="requested_by_customer">
              <option value="requested_by_customer">Requested by the customer</option>
              <option value="duplicate">Duplicate</option>
              <option value="fraudulent">Fraudulent</option>
            </select>
          </div>
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
            <div>
              <label htmlFor="capture-amount" className={labelClass}>
                Amount ({props.currency})
              </label>
              <input id="capture-amount" name="amount" inputMode="decimal" placeholder="All of it" className={inputClass} />
            </div>
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
      {props.status === "requires_payment_method" && (
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
